import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** Where the zip's bytes go; resolves when the sink can take more (backpressure). */
export type ZipSink = (chunk: Uint8Array) => Promise<void>;

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** Sizes follow the data (bit 3), names are UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;

interface Entry {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A zip written as it goes: each file's bytes are deflated as they arrive and its sizes written after it
 * (a data descriptor), so neither a file nor the archive is ever held whole. Plain zip, no zip64: a file or
 * the archive past 4 GiB is refused rather than written wrong.
 */
export class StreamingZip {
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(private readonly sink: ZipSink) {}

  private async write(chunk: Uint8Array): Promise<void> {
    this.offset += chunk.byteLength;
    if (this.offset > LIMIT) throw new Error('The export is larger than a plain zip can hold (4 GiB).');
    await this.sink(chunk);
  }

  async addFile(fileName: string, content: AsyncIterable<Uint8Array>): Promise<void> {
    const name = new TextEncoder().encode(fileName);
    const entry: Entry = { name, crc: 0, compressed: 0, size: 0, offset: this.offset };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    // crc and sizes (14–25) are 0 here: the data descriptor carries them.
    local.writeUInt16LE(name.length, 26);
    local.set(name, 30);
    await this.write(local);

    const counted = async function* () {
      for await (const chunk of content) {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.byteLength;
        yield chunk;
      }
    };
    await pipeline(Readable.from(counted()), createDeflateRaw({ level: 6 }), async (deflated: AsyncIterable<Buffer>) => {
      for await (const chunk of deflated) {
        entry.compressed += chunk.byteLength;
        await this.write(chunk);
      }
    });
    if (entry.size > LIMIT) throw new Error(`${fileName} is larger than a plain zip can hold (4 GiB).`);

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory; the zip is complete once this resolves. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const central = Buffer.alloc(46 + e.name.length);
      central.writeUInt32LE(CENTRAL, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(FLAGS, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(0, 12);
      central.writeUInt16LE(DOS_DATE, 14);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      central.set(e.name, 46);
      await this.write(central);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
