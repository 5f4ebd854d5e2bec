/**
 * Group commit. Writes that arrive while a statement is running,
 * or in the same turn of the event loop, go together in the next statement, so fifty concurrent saves cost a
 * few statements, not fifty. A lone write waits only for the rest of the current turn (setImmediate), never
 * on a timer. Each caller is answered only after the statement that holds its write has committed.
 */
export class WriteCoalescer<In, Out> {
  private pending: { item: In; resolve(out: Out): void; reject(error: unknown): void }[] = [];
  private running = 0;

  constructor(
    /** Writes a batch in one statement; answers in the same order. */
    private readonly writeMany: (items: In[]) => Promise<Out[]>,
    /** Items with the same key never share a batch (one statement cannot insert an id twice). */
    private readonly keyOf: (item: In) => string,
    private readonly maxBatch = 200,
    /** Statements in flight at once: 1 for a one-connection database, a few for a pool. */
    private readonly maxInFlight = 1,
  ) {}

  write(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.running < this.maxInFlight) {
        this.running += 1;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.takeBatch();
        try {
          const outs = await this.writeMany(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(outs[i]!));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          // One bad write must not fail the others: write each alone, and only its own caller hears of it.
          for (const w of batch) {
            try {
              w.resolve((await this.writeMany([w.item]))[0]!);
            } catch (own) {
              w.reject(own);
            }
          }
        }
        // PGlite runs a statement without giving the event loop a turn, so requests that came meanwhile
        // are still unread: let them in before the next batch is taken.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running -= 1;
    }
  }

  private takeBatch() {
    const keys = new Set<string>();
    const batch: typeof this.pending = [];
    const rest: typeof this.pending = [];
    for (const w of this.pending) {
      const key = this.keyOf(w.item);
      if (batch.length < this.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.pending = rest;
    return batch;
  }
}
