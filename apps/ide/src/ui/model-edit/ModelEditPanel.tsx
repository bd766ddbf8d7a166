/** The "Channels & synapses" tab: insert and remove channels, connect synapses and edit them. */
import { useState } from "react";
import { ChannelsSection } from "./ChannelsSection.js";
import { ConnectForm } from "./ConnectForm.js";
import { EdgesTable } from "./EdgesTable.js";
import "./model-edit.css";

export function ModelEditPanel() {
  const [target, setTarget] = useState("selection");
  return (
    <div className="model-edit" data-testid="model-edit-panel">
      <ChannelsSection target={target} setTarget={setTarget} />
      <section className="model-edit-section" data-testid="synapses-section">
        <header className="model-edit-head">
          <h3>Synapses</h3>
          <span className="muted">network.edges</span>
        </header>
        <ConnectForm />
        <EdgesTable />
      </section>
    </div>
  );
}
