COMMENT
Pospischil et al. (2008) sodium current, as in jaxley.channels.Na.
Dendrolab key mapping: gNa -> Na_gNa, eNa -> eNa (shared), vt -> vt (shared).
Exact exponentials (no clipping, no tables); exponential Euler (cnexp) gates.
The current is NONSPECIFIC so that eNa is a plain parameter (no na_ion involved).
ENDCOMMENT

NEURON {
    SUFFIX pNa
    NONSPECIFIC_CURRENT i
    RANGE gNa, eNa, vt, i
    RANGE minf, hinf, mtau, htau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gNa = 0.05 (S/cm2)
    eNa = 50 (mV)
    vt = -60 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    minf
    hinf
    mtau (ms)
    htau (ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gNa * m * m * m * h * (v - eNa)
}

INITIAL {
    rates(v)
    m = minf
    h = hinf
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m) / mtau
    h' = (hinf - h) / htau
}

PROCEDURE rates(v (mV)) {
    LOCAL a, b
    UNITSOFF
    a = 0.32 * efun(-0.25 * (v - vt - 13)) / 0.25
    b = 0.28 * efun(0.2 * (v - vt - 40)) / 0.2
    mtau = 1 / (a + b)
    minf = a / (a + b)
    a = 0.128 * exp(-(v - vt - 17) / 18)
    b = 4 / (exp(-(v - vt - 40) / 5) + 1)
    htau = 1 / (a + b)
    hinf = a / (a + b)
    UNITSON
}

FUNCTION efun(x) {
    : x / (exp(x) - 1); the guard only removes the 0/0 at x == 0 (error < 1e-12)
    if (fabs(x) < 1e-6) {
        efun = 1 - x / 2
    } else {
        efun = x / (exp(x) - 1)
    }
}
