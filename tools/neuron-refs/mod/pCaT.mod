COMMENT
Pospischil et al. (2008) T-type calcium current, as in jaxley.channels.CaT.
Dendrolab key mapping: gCaT -> CaT_gCaT, vx -> CaT_vx, eCa -> eCa (shared).
Activation is instantaneous: sinf(v)^2 appears in the current, so the current is
not linear in v for a fixed u (NEURON linearises it with a forward difference,
di/dv ~ (i(v + 0.001) - i(v)) / 0.001). Inactivation u: u' = (uinf - u) / utau,
exponential Euler. Initial u is the true steady state uinf(v).
ENDCOMMENT

NEURON {
    SUFFIX pCaT
    NONSPECIFIC_CURRENT i
    RANGE gCaT, vx, eCa, i
    RANGE uinf, utau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gCaT = 4e-5 (S/cm2)
    vx = 2 (mV)
    eCa = 120 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    uinf
    utau (ms)
}

STATE { u }

BREAKPOINT {
    LOCAL sinf
    SOLVE states METHOD cnexp
    UNITSOFF
    sinf = 1 / (1 + exp(-(v + vx + 57) / 6.2))
    UNITSON
    i = gCaT * sinf * sinf * u * (v - eCa)
}

INITIAL {
    rates(v)
    u = uinf
}

DERIVATIVE states {
    rates(v)
    u' = (uinf - u) / utau
}

PROCEDURE rates(v (mV)) {
    UNITSOFF
    uinf = 1 / (1 + exp((v + vx + 81) / 4))
    utau = (30.8 + (211.4 + exp((v + vx + 113.2) / 5))) / (3.7 * (1 + exp((v + vx + 84) / 3.2)))
    UNITSON
}
