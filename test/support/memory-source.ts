import type { ChangePage, DocumentSource, ItemDetails, SourceItem } from '../../src/documents/document-source.js';
import { ConversionUnavailableError } from '../../src/documents/document-source.js';

interface Node {
  id: string;
  name: string;
  parentId: string | null;
  isFolder: boolean;
  bytes?: Uint8Array;
  version: number;
}

/**
 * An in-memory drive with a change feed, for pipeline tests: ids survive renames and
 * moves, the feed pages, deleted items come without names, and cTag is left out of the
 * feed like SharePoint does (describe() supplies it).
 */
export class MemorySource implements DocumentSource {
  readonly kind = 'graph' as const;
  readonly nodes = new Map<string, Node>([['root', { id: 'root', name: 'root', parentId: null, isFolder: true, version: 1 }]]);
  private log: { seq: number; id: string; deleted: boolean; name?: string }[] = [];
  private seq = 0;
  private nextId = 1;
  pageSize = 3;
  downloads = 0;
  describes = 0;
  /** Pages served since the last reset. */
  pagesServed = 0;
  /** When set, the next nextPage call restarts with a full enumeration (like Graph's 410). */
  forgetTokens = false;

  private touch(id: string, deleted = false, name?: string) {
    this.log.push({ seq: ++this.seq, id, deleted, name });
  }

  folder(name: string, parentId = 'root'): string {
    const id = `f${this.nextId++}`;
    this.nodes.set(id, { id, name, parentId, isFolder: true, version: 1 });
    this.touch(id);
    return id;
  }

  file(name: string, parentId: string, bytes: Uint8Array | string): string {
    const id = `i${this.nextId++}`;
    this.nodes.set(id, { id, name, parentId, isFolder: false, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, version: 1 });
    this.touch(id);
    return id;
  }

  update(id: string, bytes: Uint8Array | string): void {
    const n = this.nodes.get(id)!;
    n.bytes = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    n.version += 1;
    this.touch(id);
  }

  rename(id: string, name: string): void {
    this.nodes.get(id)!.name = name;
    this.touch(id);
  }

  move(id: string, parentId: string): void {
    this.nodes.get(id)!.parentId = parentId;
    this.touch(id);
  }

  remove(id: string): void {
    this.nodes.delete(id);
    this.touch(id, true);
  }

  private itemOf(id: string, deleted: boolean): SourceItem {
    const n = this.nodes.get(id);
    if (deleted || !n) return { id, parentId: null, isFolder: false, deleted: true };
    return { id, name: n.name, parentId: n.parentId, isFolder: n.isFolder, deleted: false, size: n.bytes?.length, eTag: `e${n.version}` };
  }

  async nextPage(_driveId: string, cursor: string | null): Promise<ChangePage> {
    this.pagesServed += 1;
    let restarted = false;
    if (cursor === null || this.forgetTokens) {
      restarted = cursor !== null;
      this.forgetTokens = false;
      cursor = `full:0:${this.seq}`;
    }
    const [mode, offsetText, seqText] = cursor.split(':');
    const offset = Number(offsetText);
    const atSeq = Number(seqText);
    if (mode === 'full') {
      const snapshot = [...this.nodes.keys()];
      const page = snapshot.slice(offset, offset + this.pageSize).map((id) => this.itemOf(id, false));
      const done = offset + this.pageSize >= snapshot.length;
      return { items: page, cursor: done ? `delta:0:${this.seq}` : `full:${offset + this.pageSize}:${atSeq}`, done, restarted };
    }
    // delta: changes after atSeq, latest state per item
    const changes = this.log.filter((e) => e.seq > atSeq);
    const ids = [...new Map(changes.map((c) => [c.id, c])).values()];
    const page = ids.slice(offset, offset + this.pageSize).map((c) => this.itemOf(c.id, c.deleted || !this.nodes.has(c.id)));
    const done = offset + this.pageSize >= ids.length;
    return { items: page, cursor: done ? `delta:0:${this.seq}` : `delta:${offset + this.pageSize}:${atSeq}`, done, restarted };
  }

  async describe(_driveId: string, itemIds: string[]): Promise<Map<string, ItemDetails>> {
    this.describes += 1;
    return new Map(itemIds.filter((id) => this.nodes.has(id)).map((id) => [id, { cTag: `c${this.nodes.get(id)!.version}` }]));
  }

  async download(_driveId: string, item: SourceItem): Promise<Uint8Array> {
    this.downloads += 1;
    const n = this.nodes.get(item.id);
    if (!n?.bytes) throw new Error(`No such file ${item.id}`);
    return n.bytes;
  }

  async downloadPdfRendition(): Promise<Uint8Array> {
    throw new ConversionUnavailableError('No conversion in memory.');
  }
}
