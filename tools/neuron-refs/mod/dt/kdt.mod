TITLE K current and leak whose equations read dt

COMMENT
Dendrolab test mechanism (written for the project, not taken from a model): checks that
the NMODL importer passes the run's dt to every block that reads it (tools/neuron-refs,
issue 10). dt is read in INITIAL (m starts below its steady state by a dt-dependent
factor), in a FUNCTION called from the DERIVATIVE block (the time constant has a dt
term), and in a PROCEDURE called from BREAKPOINT (a leak scaled by the one-step
relaxation factor 1 - exp(-dt/tauw), as ModelDB files compute exp(-dt/tau) for explicit
updates). None of it is physiology: each use makes the traces depend on dt.
ENDCOMMENT

NEURON {
	SUFFIX kdt
	USEION k READ ek WRITE ik
	NONSPECIFIC_CURRENT il
	RANGE gbar, gl, el, tauw, w
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
	tauw = 0.2 (ms)
}

ASSIGNED {
	v (mV)
	ek (mV)
	ik (mA/cm2)
	il (mA/cm2)
	dt (ms)
	minf (1)
	mtau (ms)
	w (1)
}

STATE { m }

BREAKPOINT {
	SOLVE states METHOD cnexp
	relax()
	ik = gbar * m * m * (v - ek)
	il = gl * w * (v - el)
}

INITIAL {
	rates(v)
	m = minf * (1 - 5 * dt)
}

DERIVATIVE states {
	rates(v)
	m' = (minf - m) / mtau
}

UNITSOFF
PROCEDURE rates(v (mV)) {
	minf = 1 / (1 + exp(-(v + 45) / 8))
	mtau = taum(v)
}

FUNCTION taum(v (mV)) (ms) {
	taum = 1 + 4 / (1 + exp((v + 50) / 10)) + 40 * dt
}

PROCEDURE relax() {
	w = 1 - exp(-dt / tauw)
}
UNITSON
