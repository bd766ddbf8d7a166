TITLE K current whose gates relax by explicit exp(-dt/tau) updates in a SOLVEd PROCEDURE

COMMENT
Dendrolab test mechanism (written for the project, not taken from a model), in the style
of many ModelDB files (Mainen and Sejnowski's na.mod and kv.mod, without their VERBATIM
return): BREAKPOINT solves a PROCEDURE, which moves each gate by one step of the exact
solution of x' = (xinf - x)/xtau at fixed v, x += (1 - exp(-dt/xtau)) (xinf - x). NEURON
calls the PROCEDURE once per step, after the voltage update (nrn_state). h's update reads
m's new value (a coupling a DERIVATIVE block cannot have): the inactivation is faster
where m is large. Not physiology: it checks the importer (tools/neuron-refs, issue 10).
ENDCOMMENT

NEURON {
	SUFFIX kexp
	USEION k READ ek WRITE ik
	RANGE gbar, minf, hinf
	GLOBAL q10
}

UNITS {
	(mV) = (millivolt)
	(mA) = (milliamp)
	(S) = (siemens)
}

PARAMETER {
	gbar = 0.01 (S/cm2)
	q10 = 2.3 (1)
}

ASSIGNED {
	v (mV)
	ek (mV)
	ik (mA/cm2)
	dt (ms)
	celsius (degC)
	minf (1)
	hinf (1)
	mtau (ms)
	htau (ms)
	mexp (1)
	hexp (1)
}

STATE { m h }

BREAKPOINT {
	SOLVE states
	ik = gbar * m * m * m * h * (v - ek)
}

INITIAL {
	rates(v)
	m = minf
	h = hinf
}

PROCEDURE states() {
	rates(v)
	m = m + mexp * (minf - m)
	h = h + (1 - exp(-dt * (1 + m) / htau)) * (hinf - h)
}

UNITSOFF
PROCEDURE rates(v (mV)) { LOCAL tadj
	tadj = q10 ^ ((celsius - 23) / 10)
	minf = 1 / (1 + exp(-(v + 35) / 9))
	hinf = 1 / (1 + exp((v + 60) / 7))
	mtau = (0.5 + 3 / (1 + exp((v + 40) / 12))) / tadj
	htau = (20 + 60 / (1 + exp((v + 50) / 8))) / tadj
	mexp = 1 - exp(-dt / mtau)
}
UNITSON
