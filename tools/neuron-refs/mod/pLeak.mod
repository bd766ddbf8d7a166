COMMENT
Leak current (Pospischil et al. 2008), as in jaxley.channels.Leak.
Dendrolab key mapping: gLeak -> Leak_gLeak, eLeak -> Leak_eLeak.
ENDCOMMENT

NEURON {
    SUFFIX pLeak
    NONSPECIFIC_CURRENT i
    RANGE gLeak, eLeak, i
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gLeak = 1e-4 (S/cm2)
    eLeak = -70 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

BREAKPOINT {
    i = gLeak * (v - eLeak)
}
