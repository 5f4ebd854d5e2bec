/**
 * Just enough of the zip format for Word packages: list the entries from the central directory, read one, and
 * write the package back with one entry replaced. Mammoth reads the package itself; this exists for the checks it
 * cannot make (declared sizes, rendered page breaks). Zip64 and encrypted entries are refused (undefined), never
 * guessed at: callers then fall back to handing the original bytes to mammoth.
 */

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** DOS time and date words, copied through on rewrite. */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64 = 0xffffffff;

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The entries of a zip, or undefined if the bytes are not a zip this module can handle. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const v = view(bytes);
  // The end record is 22 bytes plus a comment of up to 65,535; search backwards for its signature.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (v.getUint32(p, true) === EOCD) { eocd = p; break; }
  }
  if (eocd < 0) return undefined;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  if (p === ZIP64) return undefined;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL) return undefined;
    const nameLength = v.getUint16(p + 28, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      time: v.getUint16(p + 12, true),
      date: v.getUint16(p + 14, true),
      crc: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localOffset: v.getUint32(p + 42, true),
    };
    if (entry.compressedSize === ZIP64 || entry.size === ZIP64 || entry.localOffset === ZIP64 || (entry.flags & 1) !== 0) return undefined;
    entries.push(entry);
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return entries;
}

/** The stored (possibly compressed) bytes of an entry, located through its local header. */
function rawData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const v = view(bytes);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || v.getUint32(p, true) !== LOCAL) return undefined;
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
  if (start + entry.compressedSize > bytes.length) return undefined;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** An entry's content, or undefined when it is damaged or uses a compression method other than store/deflate. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const raw = rawData(bytes, entry);
  if (!raw) return undefined;
  try {
    if (entry.method === 0) return raw;
    if (entry.method === 8) return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The same package with `name`'s content replaced. Other entries' compressed bytes are copied unchanged under
 * freshly written headers (sizes always in the header, so no data descriptors to carry over).
 */
export function replaceZipEntry(bytes: Uint8Array, entries: readonly ZipEntry[], name: string, content: Uint8Array): Uint8Array | undefined {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const replaced = entry.name === name;
    const data = replaced ? deflateRawSync(content) : rawData(bytes, entry);
    if (!data) return undefined;
    const meta = replaced
      ? { ...entry, method: 8, crc: crc32(content) >>> 0, compressedSize: data.length, size: content.length }
      : entry;
    const nameBytes = encoder.encode(entry.name);
    const flags = (meta.flags & ~0x0008) | 0x0800; // sizes are in the header now; names are UTF-8
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = view(local);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, meta.method, true);
    lv.setUint16(10, meta.time, true);
    lv.setUint16(12, meta.date, true);
    lv.setUint32(14, meta.crc, true);
    lv.setUint32(18, meta.compressedSize, true);
    lv.setUint32(22, meta.size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = view(central);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, meta.method, true);
    cv.setUint16(12, meta.time, true);
    cv.setUint16(14, meta.date, true);
    cv.setUint32(16, meta.crc, true);
    cv.setUint32(20, meta.compressedSize, true);
    cv.setUint32(24, meta.size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}
