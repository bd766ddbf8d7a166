/** Dropping files from disk onto the page, as a user drags them from a file manager. */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** Drops the files (paths on disk) onto the page: dragenter, dragover and drop with a DataTransfer. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = paths.map((p) => ({ name: p.split("/").pop()!, text: readFileSync(p, "utf8") }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"])
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}
