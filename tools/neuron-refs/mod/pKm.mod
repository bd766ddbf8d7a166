COMMENT
Pospischil et al. (2008) slow M-type potassium current, as in jaxley.channels.Km.
Dendrolab key mapping: gKm -> Km_gKm, taumax -> Km_taumax, eK -> eK (shared).
Steady-state form: p' = (pinf - p) / ptau. Exact exponentials; exponential Euler.
Initial p is the true steady state pinf(v) (Jaxley's Km.init_state treats (pinf, tau)
as (alpha, beta); fixtures always give initial states explicitly).
ENDCOMMENT

NEURON {
    SUFFIX pKm
    NONSPECIFIC_CURRENT i
    RANGE gKm, taumax, eK, i
    RANGE pinf, ptau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gKm = 4e-6 (S/cm2)
    taumax = 4000 (ms)
    eK = -90 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    pinf
    ptau (ms)
}

STATE { p }

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gKm * p * (v - eK)
}

INITIAL {
    rates(v)
    p = pinf
}

DERIVATIVE states {
    rates(v)
    p' = (pinf - p) / ptau
}

PROCEDURE rates(v (mV)) {
    LOCAL vp
    UNITSOFF
    vp = v + 35
    pinf = 1 / (1 + exp(-0.1 * vp))
    ptau = taumax / (3.3 * exp(0.05 * vp) + exp(-0.05 * vp))
    UNITSON
}
