COMMENT
Ionotropic synapse (Abbott and Marder 1998), as in jaxley.synapses.IonotropicSynapse.
Dendrolab key mapping: gS -> IonotropicSynapse_gS (uS), e_syn -> IonotropicSynapse_e_syn,
k_minus -> IonotropicSynapse_k_minus (1/ms), v_th -> IonotropicSynapse_v_th,
delta -> IonotropicSynapse_delta, state s -> IonotropicSynapse_s.
A point process in the postsynaptic segment; vpre is a POINTER to the presynaptic
segment's v (set with h.setpointer). The state advances in NEURON's state phase, i.e.
after the voltage update of the step, so vpre is the NEW presynaptic voltage.
    sinf = 1 / (1 + exp(-(vpre - v_th) / delta))
    tau  = (1 - sinf) / k_minus
    s'   = (sinf - s) / tau          (exponential Euler, exact exp, no clipping)
    i    = gS * s * (v - e_syn)      (nA, outward positive)
ENDCOMMENT

NEURON {
    POINT_PROCESS IonotropicSyn
    POINTER vpre
    NONSPECIFIC_CURRENT i
    RANGE gS, e_syn, k_minus, v_th, delta, i, sinf, stau
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    gS = 1e-4 (uS)
    e_syn = 0 (mV)
    k_minus = 0.025 (/ms)
    v_th = -35 (mV)
    delta = 10 (mV)
}

ASSIGNED {
    v (mV)
    vpre (mV)
    i (nA)
    sinf
    stau (ms)
}

STATE { s }

INITIAL {
    rates(vpre)
    s = sinf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gS * s * (v - e_syn)
}

DERIVATIVE states {
    rates(vpre)
    s' = (sinf - s) / stau
}

PROCEDURE rates(vp (mV)) {
    UNITSOFF
    sinf = 1 / (1 + exp(-(vp - v_th) / delta))
    stau = (1 - sinf) / k_minus
    UNITSON
}
