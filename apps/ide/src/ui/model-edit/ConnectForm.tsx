/**
 * Connecting synapses: presynaptic and postsynaptic compartments (a selection taken from
 * the tree, a group, or everything), the synapse type, and how: `connect` (one to one),
 * `fullyConnect` (every pair of cells) or `sparseConnect` (each pair with probability p,
 * from a seed). Writes one line into the script.
 */
import { useState } from "react";
import type { ConnectHow, EditTarget } from "../../session/script-edits.js";
import { BUILT_IN_SYNAPSES } from "../../session/synapse-actions.js";
import { NO_GROUPS, useActions, useSessionState } from "../session-context.js";

const NO_TYPES: readonly string[] = [];

/** One side of the connection: "taken" (a selection taken from the tree), "all", or "group:<name>". */
function Side(props: {
  label: string;
  value: string;
  taken: readonly number[];
  onChange: (v: string) => void;
  onTake: () => void;
  testid: string;
}) {
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const selected = useSessionState((s) => s.selectedNodes.length);
  return (
    <div className="connect-side">
      <label className="field">
        <span>{props.label}</span>
        <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testid}>
          {props.taken.length > 0 && <option value="taken">the selection taken ({props.taken.length} comps)</option>}
          {groups.map((g) => (
            <option key={g.name} value={`group:${g.name}`}>
              group {g.name} ({g.nodes.length} comps)
            </option>
          ))}
          <option value="all">all compartments</option>
        </select>
      </label>
      <button
        type="button"
        disabled={selected === 0}
        onClick={props.onTake}
        data-testid={`${props.testid}-take`}
        title="Use the compartments selected in the tree"
      >
        ← selection ({selected})
      </button>
    </div>
  );
}

function targetOf(value: string, taken: readonly number[]): EditTarget {
  if (value === "taken") return { kind: "nodes", nodes: [...taken] };
  if (value === "all") return { kind: "all" };
  return { kind: "group", name: value.slice("group:".length) };
}

export function ConnectForm() {
  const a = useActions();
  const modelTypes = useSessionState((s) => s.model?.summary.synapseTypes ?? NO_TYPES);
  const selectedNodes = useSessionState((s) => s.selectedNodes);
  const running = useSessionState((s) => s.run.status === "running");
  const types = [...new Set([...BUILT_IN_SYNAPSES, ...modelTypes])];
  const [pre, setPre] = useState({ value: "all", taken: [] as number[] });
  const [post, setPost] = useState({ value: "all", taken: [] as number[] });
  const [synapse, setSynapse] = useState(BUILT_IN_SYNAPSES[0]);
  const [how, setHow] = useState<ConnectHow>("fullyConnect");
  const [p, setP] = useState("0.5");
  const [seed, setSeed] = useState("0");
  const pNum = Number(p);
  const seedNum = Number(seed);
  const sparseOk = pNum >= 0 && pNum <= 1 && p.trim() !== "" && Number.isInteger(seedNum);
  const ok = how !== "sparseConnect" || sparseOk;
  return (
    <form
      className="connect-form"
      data-testid="connect-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        void a.connect({
          how,
          pre: targetOf(pre.value, pre.taken),
          post: targetOf(post.value, post.taken),
          synapse,
          ...(how === "sparseConnect" ? { p: pNum, seed: seedNum } : {}),
        });
      }}
    >
      <Side
        label="from (pre)"
        value={pre.value}
        taken={pre.taken}
        onChange={(value) => setPre({ ...pre, value })}
        onTake={() => setPre({ value: "taken", taken: selectedNodes })}
        testid="connect-pre"
      />
      <Side
        label="to (post)"
        value={post.value}
        taken={post.taken}
        onChange={(value) => setPost({ ...post, value })}
        onTake={() => setPost({ value: "taken", taken: selectedNodes })}
        testid="connect-post"
      />
      <div className="connect-how">
        <label className="field">
          <span>synapse</span>
          <select value={synapse} onChange={(e) => setSynapse(e.target.value)} data-testid="connect-synapse">
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>how</span>
          <select value={how} onChange={(e) => setHow(e.target.value as ConnectHow)} data-testid="connect-how">
            <option value="fullyConnect">fullyConnect: every pair of cells</option>
            <option value="sparseConnect">sparseConnect: each pair with probability p</option>
            <option value="connect">connect: compartments one to one</option>
          </select>
        </label>
        {how === "sparseConnect" && (
          <>
            <label className="field">
              <span>p</span>
              <input value={p} onChange={(e) => setP(e.target.value)} style={{ width: 56 }} data-testid="connect-p" />
            </label>
            <label className="field">
              <span>seed</span>
              <input
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                style={{ width: 56 }}
                data-testid="connect-seed"
              />
            </label>
          </>
        )}
        <button type="submit" className="primary" disabled={running || !ok} data-testid="connect-apply">
          Connect
        </button>
      </div>
      {how === "sparseConnect" && !sparseOk && (
        <div className="hint">p is a probability in [0, 1]; the seed an integer.</div>
      )}
    </form>
  );
}
