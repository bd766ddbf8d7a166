TITLE K current and leak whose equations read t

COMMENT
Dendrolab test mechanism (written for the project, not taken from a model): checks that
the NMODL importer gives every block NEURON's time (tools/neuron-refs, issue 10). t is
read in a PROCEDURE of BREAKPOINT (a leak modulated by sin(t/per): NEURON evaluates
BREAKPOINT at the step's midpoint, t + dt/2), in a PROCEDURE of the DERIVATIVE block (a
steady state shifted by 5 sin(t/per) mV: the states' update is at t + dt) and in
INITIAL (t = 0 there). Not physiology.
ENDCOMMENT

NEURON {
	SUFFIX kt
	USEION k READ ek WRITE ik
	NONSPECIFIC_CURRENT il
	RANGE gbar, gl, el, per, wv
}

UNITS {
	(mV) = (millivolt)
	(mA) = (milliamp)
	(S) = (siemens)
}

PARAMETER {
	gbar = 0.01 (S/cm2)
	gl = 2e-4 (S/cm2)
	el = -70 (mV)
	per = 7 (ms)
}

ASSIGNED {
	v (mV)
	ek (mV)
	ik (mA/cm2)
	il (mA/cm2)
	minf (1)
	mtau (ms)
	wv (1)
}

STATE { m }

BREAKPOINT {
	SOLVE states METHOD cnexp
	wave()
	ik = gbar * m * m * (v - ek)
	il = gl * (1 + wv) * (v - el)
}

INITIAL {
	rates(v)
	m = minf + 0.1 * (t + 1)
}

DERIVATIVE states {
	rates(v)
	m' = (minf - m) / mtau
}

UNITSOFF
PROCEDURE rates(v (mV)) {
	minf = 1 / (1 + exp(-(v + 45 + 5 * sin(t / per)) / 8))
	mtau = 1 + 4 / (1 + exp((v + 50) / 10))
}

PROCEDURE wave() {
	wv = 0.8 * sin(t / per)
}
UNITSON
