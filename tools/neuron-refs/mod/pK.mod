COMMENT
Pospischil et al. (2008) delayed-rectifier potassium current, as in jaxley.channels.K.
Dendrolab key mapping: gK -> K_gK, eK -> eK (shared), vt -> vt (shared).
Exact exponentials (no clipping, no tables); exponential Euler (cnexp) gates.
ENDCOMMENT

NEURON {
    SUFFIX pK
    NONSPECIFIC_CURRENT i
    RANGE gK, eK, vt, i
    RANGE ninf, ntau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gK = 0.005 (S/cm2)
    eK = -90 (mV)
    vt = -60 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    ninf
    ntau (ms)
}

STATE { n }

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gK * n * n * n * n * (v - eK)
}

INITIAL {
    rates(v)
    n = ninf
}

DERIVATIVE states {
    rates(v)
    n' = (ninf - n) / ntau
}

PROCEDURE rates(v (mV)) {
    LOCAL a, b
    UNITSOFF
    a = 0.032 * efun(-0.2 * (v - vt - 15)) / 0.2
    b = 0.5 * exp(-(v - vt - 10) / 40)
    ntau = 1 / (a + b)
    ninf = a / (a + b)
    UNITSON
}

FUNCTION efun(x) {
    if (fabs(x) < 1e-6) {
        efun = 1 - x / 2
    } else {
        efun = x / (exp(x) - 1)
    }
}
