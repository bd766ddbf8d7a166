/**
 * Renaming a group everywhere the script names it and deleting the top-level statements
 * that use it (pure; loaded with the group actions, not before first paint).
 */
import { statementAt } from "./script-lines.js";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Calls that name a group by a string literal: `group("x")`, `addToGroup("x")`. */
const groupCall = (name: string) =>
  new RegExp(`(\\b(?:group|addToGroup)\\(\\s*)(["'\`])${escapeRe(name)}\\2(\\s*\\))`, "g");

/** The group as a property of the model variable: `network.x` (not a call `network.x(`). */
const groupProperty = (model: string, name: string) =>
  new RegExp(`(\\b${escapeRe(model)}\\s*\\.\\s*)${escapeRe(name)}\\b(?!\\s*\\()`, "g");

/** Does the script name the group (a `group`/`addToGroup` literal or `model.name`)? */
export function mentionsGroup(text: string, model: string, name: string): boolean {
  return groupCall(name).test(text) || groupProperty(model, name).test(text);
}

/** Renames a group wherever the script names it; the count of the places changed. */
export function renameGroupInScript(
  script: string,
  model: string,
  from: string,
  to: string,
): { script: string; count: number } {
  let count = 0;
  const out = script
    .replace(groupCall(from), (_m, a: string, _q: string, b: string) => {
      count++;
      return `${a}${JSON.stringify(to)}${b}`;
    })
    .replace(groupProperty(model, from), (_m, a: string) => {
      count++;
      return `${a}${to}`;
    });
  return { script: out, count };
}

/**
 * Deletes the top-level statements that name the group. Returns the script, the number
 * of statements removed and the 1-based lines that still name it (inside functions or
 * blocks, left as they are).
 */
export function deleteGroupInScript(
  script: string,
  model: string,
  name: string,
): { script: string; removed: number; kept: number[] } {
  const lines = script.split("\n");
  const drop = new Set<number>();
  const kept: number[] = [];
  let removed = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!mentionsGroup(lines[i], model, name) || drop.has(i)) continue;
    const s = statementAt(lines, i);
    if (!s) {
      kept.push(i + 1);
      continue;
    }
    removed++;
    for (let j = s.from; j <= s.to; j++) drop.add(j);
  }
  return { script: lines.filter((_, i) => !drop.has(i)).join("\n"), removed, kept };
}
