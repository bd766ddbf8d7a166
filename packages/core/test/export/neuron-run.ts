/**
 * Running an export in NEURON from tests: is NEURON here, write the files to a temp
 * dir, compile the mechanisms (with the fix Debian's nrnivmodl 8.2.2 needs, see
 * tools/neuron-refs/README.md), run serially or with mpiexec, read recordings.csv.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A Python with NEURON importable (Debian's /usr/bin/python3 first), or null. */
function findPython(): string | null {
  for (const py of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(py, ["-c", "import neuron"], { encoding: "utf8" });
    if (r.status === 0) return py;
  }
  return null;
}

export const PYTHON = findPython();
export const MPIEXEC = which("mpiexec");
export const NRNIV = which("nrniv");
const NRNIVMODL = which("nrnivmodl");

/** Why the NEURON tests cannot run here, or null when they can. */
export const neuronMissing: string | null = !NRNIVMODL
  ? "nrnivmodl is not on PATH (apt-get install neuron-dev python3-neuron)"
  : !PYTHON
    ? "no python3 imports neuron (apt-get install python3-neuron)"
    : null;

/** Why the MPI runs cannot run here, or null. */
export const mpiMissing: string | null =
  neuronMissing ?? (!MPIEXEC ? "mpiexec is not on PATH (apt-get install openmpi-bin)" : !NRNIV ? "no nrniv" : null);

/** Writes the files of an export into a new temp dir; returns it. */
export function writeExport(files: Record<string, string>, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dendrolab-${prefix}-`));
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** nrnivmodl, or on Debian 8.2.2 a copy with its makefile and library paths fixed. */
function nrnivmodlCommand(dir: string): string[] {
  const bin = NRNIVMODL!;
  if (existsSync("/usr/lib/nrn/nrnmech_makefile") && !existsSync(join(dirname(bin), "nrnmech_makefile"))) {
    const sh = (name: string) => `\${${name}}`; // a shell variable of the script
    const src = readFileSync(bin, "utf8")
      .replace(
        `make -j 4 -f "${sh("bindir")}/nrnmech_makefile" "ROOT=${sh("prefix")}"`,
        `make -j 2 -f "/usr/lib/nrn/nrnmech_makefile" "ROOT=${sh("prefix")}" "libdir=/usr/lib/nrn"`,
      )
      .replace('"LinkCoreNEURON=$LinkCoreNEURON" special &&', '"LinkCoreNEURON=$LinkCoreNEURON" mech_lib_shared &&');
    writeFileSync(join(dir, "nrnivmodl-fixed"), src);
    return ["bash", join(dir, "nrnivmodl-fixed")];
  }
  return [bin];
}

/** Compiles `dir/mechanisms` in `dir` (as the export's README says). */
export function compileMechanisms(dir: string): void {
  const [cmd, ...args] = nrnivmodlCommand(dir);
  execFileSync(cmd, [...args, "mechanisms"], { cwd: dir, stdio: "pipe", env: { ...process.env, LC_ALL: "C" } });
}

/** Reads recordings.csv: the header and the columns (t first). */
export function readRecordings(dir: string): { header: string[]; columns: number[][] } {
  const lines = readFileSync(join(dir, "recordings.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const columns: number[][] = header.map(() => []);
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    for (let i = 0; i < cells.length; i++) columns[i].push(Number(cells[i]));
  }
  return { header, columns };
}

/** Runs the script in one process; returns its output. */
export function runSerial(dir: string, main: string): string {
  return execFileSync(PYTHON!, [main], { cwd: dir, encoding: "utf8", stdio: "pipe" });
}

/** Runs the script with `mpiexec -n n nrniv -mpi -python`; returns its output. */
export function runMpi(dir: string, main: string, n: number): string {
  const root = process.getuid?.() === 0 ? ["--allow-run-as-root"] : [];
  return execFileSync(MPIEXEC!, [...root, "--oversubscribe", "-n", String(n), NRNIV!, "-mpi", "-python", main], {
    cwd: dir,
    encoding: "utf8",
    stdio: "pipe",
    // nrniv -python finds its Python through PATH: put the one that imports neuron first.
    env: { ...process.env, PATH: `${dirname(PYTHON!)}:${process.env.PATH}` },
  });
}

/** max |a - b| over every recording (rows of `values`, `nSamples` each) against the csv columns. */
export function maxDeviation(values: Float64Array, nSamples: number, columns: number[][]): number[] {
  const out: number[] = [];
  for (let r = 0; r + 1 < columns.length; r++) {
    const col = columns[r + 1];
    if (col.length !== nSamples) throw new Error(`recording ${r}: ${col.length} samples in NEURON, ${nSamples} here`);
    let worst = 0;
    for (let k = 0; k < nSamples; k++) worst = Math.max(worst, Math.abs(values[r * nSamples + k] - col[k]));
    out.push(worst);
  }
  return out;
}
