TITLE Calcium decay in a submembrane shell, solved with derivimplicit

COMMENT
Dendrolab test mechanism (written for the project, not taken from a model): checks the
NMODL importer's METHOD derivimplicit on a concentration against NEURON
(tools/neuron-refs, issue 10). Influx from ica into a shell of depth `depth`, first-order
decay to cainf with time constant tau:
    cai' = -ica * k - (cai - cainf) / tau,   k = 1e4 / (2 F depth)   (mM/ms per mA/cm2)
ENDCOMMENT

NEURON {
	SUFFIX cadecaydi
	USEION ca READ ica WRITE cai
	RANGE depth, tau, cainf
}

UNITS {
	(mM) = (milli/liter)
	(um) = (micron)
	(mA) = (milliamp)
	FARADAY = (faraday) (coulomb)
}

PARAMETER {
	depth = 0.2 (um)
	tau = 60 (ms)
	cainf = 1e-4 (mM)
}

ASSIGNED {
	ica (mA/cm2)
	k (mM/ms/mA/cm2)
}

STATE { cai (mM) }

BREAKPOINT {
	SOLVE decay METHOD derivimplicit
}

INITIAL {
	cai = cainf
}

DERIVATIVE decay {
	k = (1e4) / (2 * FARADAY * depth)
	cai' = -ica * k - (cai - cainf) / tau
}
