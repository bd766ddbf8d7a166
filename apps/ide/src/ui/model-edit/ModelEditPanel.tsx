/** The "Channels & synapses" tab: insert and remove channels, connect synapses and edit them. */
import { useState } from "react";
import { ChannelsSection } from "./ChannelsSection.js";
import "./model-edit.css";

export function ModelEditPanel() {
  const [target, setTarget] = useState("selection");
  return (
    <div className="model-edit" data-testid="model-edit-panel">
      <ChannelsSection target={target} setTarget={setTarget} />
    </div>
  );
}
