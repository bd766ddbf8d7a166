/** The lesson file a new lesson starts from in the editor: the format, by example. */
export const LESSON_TEMPLATE = `---
title: My lesson
example: hh
---
A paragraph that introduces the lesson. The starting script is a gallery example
("example: hh"), or a \`\`\`ts start block here, before the first step.

## The first step
What to do, in markdown. Each "## " heading starts a step.
> Hint: lines starting with ">" are a hint, shown when the student asks.
- [ ] The model has compartments \`nComp > 0\`
- [ ] The cell fires at least once \`spikes(trace()) >= 1\`

## Checks can read
\`groups.name.size\`, \`values(group, key)\` and \`value(group, key)\` (their mean;
group "all" for every compartment), \`trace()\` / \`trace(i)\` / \`trace("part of a label")\`,
\`dt\`, \`spikes(samples, threshold = 0)\`, \`max\`, \`min\`, \`mean\`,
\`trained(group, key)\` and \`within(x, target, 0.05)\` (within 5%).
They are evaluated in the script sandbox after every run.
`;
