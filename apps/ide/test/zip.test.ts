/**
 * The zip writer: the archive reads back with the files' names and texts, and with the
 * checksums that Python's zipfile (an independent reader) verifies, where Python is there.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, zipTexts } from "../src/platform/zip.js";

const FILES = {
  "model.py": "from neuron import h\nprint('µm')\n",
  "mod/hh2.mod": "NEURON { SUFFIX hh2 }\n",
  "README.md": "# Run it\n",
};

function python(): boolean {
  try {
    execFileSync("python3", ["-c", "import zipfile"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("zipTexts", () => {
  it("computes CRC-32 as zip defines it", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it.skipIf(!python())("writes an archive that Python's zipfile reads and verifies", () => {
    const dir = mkdtempSync(join(tmpdir(), "dendrolab-zip-"));
    const path = join(dir, "export.zip");
    writeFileSync(path, zipTexts(FILES));
    const out = execFileSync(
      "python3",
      [
        "-c",
        "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).decode('utf-8') for n in z.namelist()}))",
        path,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual(FILES);
  });

  it("gives the same bytes for the same files, and refuses paths that leave the folder", () => {
    expect(zipTexts(FILES)).toEqual(zipTexts(FILES));
    expect(() => zipTexts({ "../x.py": "" })).toThrow(/relative path without "\.\."/);
    expect(() => zipTexts({ "/etc/x": "" })).toThrow(/relative path/);
  });
});
