import type { OutboxEntry } from './outbox-entry.js';

/** Where queued observations live: IndexedDB, so they survive reloads and a closed panel. */
export interface OutboxStore {
  list(partnershipId: string, personId: string): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(id: string): Promise<void>;
  /** False when the browser refused IndexedDB: entries then last only as long as the page. */
  readonly durable: boolean;
}

const DB_NAME = 'line-of-sight';
const STORE = 'observation-outbox';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  });
}

/** Commits a write before resolving, so "stored" means stored. */
function written(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The write was abandoned.'));
  });
}

class IndexedDbOutbox implements OutboxStore {
  readonly durable = true;
  constructor(private readonly db: IDBDatabase) {}

  async list(partnershipId: string, personId: string): Promise<OutboxEntry[]> {
    const all = await promised(this.db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<OutboxEntry[]>);
    return all.filter((e) => e.partnershipId === partnershipId && e.personId === personId);
  }

  async put(entry: OutboxEntry): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(entry);
    await written(tx);
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(id);
    await written(tx);
  }
}

class MemoryOutbox implements OutboxStore {
  readonly durable = false;
  private readonly entries = new Map<string, OutboxEntry>();
  async list(partnershipId: string, personId: string) {
    return [...this.entries.values()].filter((e) => e.partnershipId === partnershipId && e.personId === personId);
  }
  async put(entry: OutboxEntry) {
    this.entries.set(entry.id, structuredClone(entry));
  }
  async remove(id: string) {
    this.entries.delete(id);
  }
}

let opened: Promise<OutboxStore> | undefined;

/** The device's outbox, opened once per page. */
export function openOutboxStore(): Promise<OutboxStore> {
  opened ??= (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDb()).then(
    (db) => new IndexedDbOutbox(db),
    () => new MemoryOutbox(),
  );
  return opened;
}
