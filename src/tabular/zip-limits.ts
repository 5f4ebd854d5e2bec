import { inflateRawSync } from 'node:zlib';

/**
 * exceljs inflates every part of a workbook into memory with no limit, so a small file can expand to
 * gigabytes (a zip bomb). Before exceljs sees a workbook, each entry of its zip is inflated here with the
 * output capped at the size the zip declares, and the declared sizes are capped in total: memory is bounded
 * by the limits below whatever the file claims. Pure (no I/O).
 */
export interface ZipLimits {
  maxEntries: number;
  /** Total of every entry, inflated. */
  maxTotalBytes: number;
}

export class ZipLimitError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZip(bytes: Uint8Array, limits: ZipLimits): { entries: number; totalBytes: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipLimitError('The workbook is too large (it needs ZIP64).');
  if (count > limits.maxEntries) throw new ZipLimitError(`The workbook has ${count} parts: at most ${limits.maxEntries} are allowed.`);

  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipLimitError('The workbook is damaged (its table of contents cannot be read).');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw new ZipLimitError('The workbook is encrypted: remove its password in Excel and try again.');
    if (size === 0xffffffff || compressed === 0xffffffff || localOffset === 0xffffffff) throw new ZipLimitError('The workbook is too large (it needs ZIP64).');
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipLimitError(`The workbook expands to more than ${mb(limits.maxTotalBytes)} when opened: at most that is allowed.`);
    if (name.endsWith('/')) continue;

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw new ZipLimitError('The workbook is damaged (a part cannot be found).');
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressed > buf.length) throw new ZipLimitError('The workbook is damaged (a part is cut short).');
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== size) throw new ZipLimitError('The workbook is damaged (a part has the wrong size).');
    } else if (method === 8) {
      let out: Buffer;
      try {
        // One byte more than declared: a part that says it is small but is not fails here, not in memory.
        out = inflateRawSync(data, { maxOutputLength: size + 1 });
      } catch {
        throw new ZipLimitError(`The workbook is damaged or expands beyond what it declares (part ${name}).`);
      }
      if (out.length !== size) throw new ZipLimitError(`The workbook is damaged or expands beyond what it declares (part ${name}).`);
    } else {
      throw new ZipLimitError(`The workbook uses a compression Excel does not write (method ${method}).`);
    }
  }
  return { entries: count, totalBytes: total };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipLimitError('The file is not a valid Excel workbook (.xlsx).');
}

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
