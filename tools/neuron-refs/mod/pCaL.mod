COMMENT
Pospischil et al. (2008) L-type calcium current, as in jaxley.channels.CaL.
Dendrolab key mapping: gCaL -> CaL_gCaL, eCa -> eCa (shared; a fixed reversal
potential, no calcium concentration). Exact exponentials; exponential Euler gates.
ENDCOMMENT

NEURON {
    SUFFIX pCaL
    NONSPECIFIC_CURRENT i
    RANGE gCaL, eCa, i
    RANGE qinf, rinf, qtau, rtau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gCaL = 1e-4 (S/cm2)
    eCa = 120 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    qinf
    rinf
    qtau (ms)
    rtau (ms)
}

STATE { q r }

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gCaL * q * q * r * (v - eCa)
}

INITIAL {
    rates(v)
    q = qinf
    r = rinf
}

DERIVATIVE states {
    rates(v)
    q' = (qinf - q) / qtau
    r' = (rinf - r) / rtau
}

PROCEDURE rates(v (mV)) {
    LOCAL a, b
    UNITSOFF
    a = 0.055 * efun((-v - 27) / 3.8) * 3.8
    b = 0.94 * exp((-v - 75) / 17)
    qtau = 1 / (a + b)
    qinf = a / (a + b)
    a = 0.000457 * exp((-v - 13) / 50)
    b = 0.0065 / (exp((-v - 15) / 28) + 1)
    rtau = 1 / (a + b)
    rinf = a / (a + b)
    UNITSON
}

FUNCTION efun(x) {
    if (fabs(x) < 1e-6) {
        efun = 1 - x / 2
    } else {
        efun = x / (exp(x) - 1)
    }
}
