import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from '../../src/storage/write-coalescer.js';

/** A fake "database" that records the batches it was given and answers each item doubled. */
function recorder(options: { failWhen?: (items: number[]) => boolean } = {}) {
  const batches: number[][] = [];
  const writeMany = async (items: number[]) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (options.failWhen?.(items)) throw new Error(`refused ${items.join(',')}`);
    return items.map((n) => n * 2);
  };
  return { batches, writeMany };
}

describe('write coalescer (group commit)', () => {
  it('writes saves of the same turn in one statement, and those that arrive while it runs in the next', async () => {
    const db = recorder();
    const c = new WriteCoalescer(db.writeMany, String);
    const first = [1, 2, 3].map((n) => c.write(n));
    await new Promise((r) => setTimeout(r, 1));
    const second = [4, 5].map((n) => c.write(n));
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
    expect(db.batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('writes a lone save without waiting for company', async () => {
    const db = recorder();
    const c = new WriteCoalescer(db.writeMany, String);
    await c.write(7);
    expect(db.batches).toEqual([[7]]);
  });

  it('never puts two writes with the same key in one statement', async () => {
    const db = recorder();
    const c = new WriteCoalescer(db.writeMany, (n: number) => String(n % 10));
    await Promise.all([1, 2, 12, 3, 22].map((n) => c.write(n)));
    expect(db.batches).toEqual([[1, 2, 3], [12], [22]]);
  });

  it('keeps batches to their maximum size', async () => {
    const db = recorder();
    const c = new WriteCoalescer(db.writeMany, String, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => c.write(n)));
    expect(db.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails only the bad write when a shared statement fails: the others are written alone and answered', async () => {
    const db = recorder({ failWhen: (items) => items.includes(3) });
    const c = new WriteCoalescer(db.writeMany, String);
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => c.write(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([2, 4, 'refused 3', 8]);
  });

  it('goes on writing after a failure', async () => {
    const db = recorder({ failWhen: (items) => items.includes(1) });
    const c = new WriteCoalescer(db.writeMany, String);
    await expect(c.write(1)).rejects.toThrow('refused 1');
    await expect(c.write(2)).resolves.toBe(4);
  });

  it('runs up to its number of statements in flight at once, for a connection pool', async () => {
    let inFlight = 0;
    let most = 0;
    const writeMany = async (items: number[]) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return items;
    };
    const c = new WriteCoalescer(writeMany, String, 1, 3);
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map((n) => c.write(n)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });
});
