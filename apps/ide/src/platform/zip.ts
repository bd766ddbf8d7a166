/**
 * A zip archive of text files, stored without compression (the format's "stored" method,
 * PKWARE APPNOTE 6.3: local headers, the files, a central directory and its end record),
 * so that an export of a few small text files needs no compression library. Names are
 * UTF-8 (general purpose flag bit 11); times are fixed (1980-01-01) so that the same files
 * give the same bytes.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as zip uses it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The largest archive written: zip without its 64-bit extension counts in 32 bits. */
const MAX_BYTES = 0xffff_fffe;
/** 1980-01-01 00:00 in MS-DOS date format (time 0). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The zip of `files` (relative paths with `/`, to their texts), in the given order.
 *
 * @example zipTexts({ "model.py": "print(1)\n", "mod/hh.mod": "NEURON {...}" })
 */
export function zipTexts(files: Readonly<Record<string, string>>): Uint8Array {
  const enc = new TextEncoder();
  const entries = Object.entries(files).map(([name, text]) => {
    if (!name || name.startsWith("/") || name.split("/").includes(".."))
      throw new Error(`zip: the file name ${JSON.stringify(name)} must be a relative path without "..".`);
    const data = enc.encode(text);
    return { name: enc.encode(name), data, crc: crc32(data) };
  });
  const size = entries.reduce((s, e) => s + 30 + e.name.length + e.data.length + 46 + e.name.length, 0) + 22;
  if (size > MAX_BYTES || entries.length > 0xffff)
    throw new Error(`zip: ${entries.length} files of ${size} bytes in all; at most 65,535 files and 4 GB.`);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    u16(20); // version needed: 2.0
    u16(0x0800); // UTF-8 names
    u16(0); // stored
    u16(0);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0);
    bytes(e.name);
    bytes(e.data);
  }
  const directory = at;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20); // made by: 2.0
    u16(20);
    u16(0x0800);
    u16(0);
    u16(0);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    bytes(e.name);
  });
  const directorySize = at - directory;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(directorySize);
  u32(directory);
  u16(0);
  return out;
}
