TITLE Delayed-rectifier-style K current, states solved with derivimplicit

COMMENT
Dendrolab test mechanism (written for the project, not taken from a model): checks the
NMODL importer's METHOD derivimplicit against NEURON (tools/neuron-refs, issue 10).
Two gates, both linear in their state: n in alpha/beta form (HH-like rates with a
removable singularity at v = -55 mV, handled by vtrap), l a slow partial inactivation in
inf/tau form. Rates come from a PROCEDURE that the INITIAL and DERIVATIVE blocks call.
ENDCOMMENT

NEURON {
	SUFFIX kdrdi
	USEION k READ ek WRITE ik
	RANGE gbar, ik, lmin
	GLOBAL q10
}

UNITS {
	(mV) = (millivolt)
	(mA) = (milliamp)
	(S) = (siemens)
}

PARAMETER {
	gbar = 0.02 (S/cm2)
	lmin = 0.3 (1)
	q10 = 3 (1)
}

ASSIGNED {
	v (mV)
	ek (mV)
	ik (mA/cm2)
	celsius (degC)
	an (/ms)
	bn (/ms)
	linf (1)
	ltau (ms)
}

STATE { n l }

BREAKPOINT {
	SOLVE states METHOD derivimplicit
	ik = gbar * n * n * n * n * l * (v - ek)
}

INITIAL {
	rates(v)
	n = an / (an + bn)
	l = linf
}

DERIVATIVE states {
	rates(v)
	n' = an * (1 - n) - bn * n
	l' = (linf - l) / ltau
}

UNITSOFF
PROCEDURE rates(v (mV)) { LOCAL qt
	qt = q10 ^ ((celsius - 6.3) / 10)
	an = qt * 0.01 * vtrap(-(v + 55), 10)
	bn = qt * 0.125 * exp(-(v + 65) / 80)
	linf = lmin + (1 - lmin) / (1 + exp((v + 40) / 6))
	ltau = (200 + 800 / (1 + exp((v + 50) / 10))) / qt
}

FUNCTION vtrap(x, y) {
	if (fabs(x / y) < 1e-6) {
		vtrap = y * (1 - x / y / 2)
	} else {
		vtrap = x / (exp(x / y) - 1)
	}
}
UNITSON
