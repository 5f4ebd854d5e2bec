/*
 * Saving a section's narrative as it is typed, without React (so a unit test can drive it with fake timers).
 * The text typed is never dropped: a failed save keeps it and tries again (sooner if asked), and a version
 * conflict stops the saving until the person chooses, so nobody's words are overwritten unseen.
 */

export type SaveState =
  /** Nothing typed since the draft was loaded. */
  | { kind: 'idle' }
  /** Typed, waiting for a pause in the typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The text is kept; another attempt is due at `retryAt`. */
  | { kind: 'failed'; message: string; retryAt: Date }
  /** Someone (or another window) changed the draft since it was loaded: nothing is sent until resolved. */
  | { kind: 'conflict'; message: string };

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions {
  save(text: string): Promise<void>;
  isConflict(error: unknown): boolean;
  /** The failure in words a person can read. */
  describe(error: unknown): string;
  onState(state: SaveState): void;
  now?: () => Date;
  timers?: Timers;
  /** How long typing must pause before a save. */
  pauseMs?: number;
  /** Waits before each further attempt after a failure; the last repeats. */
  retryMs?: readonly number[];
}

const BROWSER_TIMERS: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

export class NarrativeAutosave {
  private saved: string;
  private latest: string;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private failures = 0;
  private conflicted = false;
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly pauseMs: number;
  private readonly retryMs: readonly number[];

  constructor(
    initialText: string,
    private readonly options: AutosaveOptions,
  ) {
    this.saved = initialText;
    this.latest = initialText;
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? BROWSER_TIMERS;
    this.pauseMs = options.pauseMs ?? 800;
    this.retryMs = options.retryMs ?? [3_000, 10_000, 30_000];
  }

  /** The text as last typed (saved or not). */
  get text(): string {
    return this.latest;
  }

  /** Typed text the server does not have yet. */
  get unsaved(): boolean {
    return this.latest !== this.saved;
  }

  edit(text: string): void {
    this.latest = text;
    // In conflict the words are kept, but nothing is sent until the person chooses.
    if (this.conflicted) return;
    if (!this.inFlight) this.options.onState(this.unsaved ? { kind: 'pending' } : { kind: 'idle' });
    this.schedule(this.pauseMs);
  }

  /** Saves now what is typed (after the save in flight, if any). Never rejects. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.conflicted) return;
    if (this.inFlight) {
      await this.inFlight;
      // The save that was in flight may have found more typed after it: it flushes again by itself.
      return this.inFlight ?? undefined;
    }
    if (!this.unsaved) return;
    this.inFlight = this.send(this.latest);
    return this.inFlight;
  }

  /** After a failure: try again at once. */
  retryNow(): Promise<void> {
    return this.flush();
  }

  /**
   * After a conflict, once the caller holds the draft's current version: send the person's text over it.
   * `serverText` is the text the server now has, so that an unchanged text is not sent at all.
   */
  resolveConflict(serverText: string): Promise<void> {
    this.conflicted = false;
    this.saved = serverText;
    this.failures = 0;
    return this.flush();
  }

  /** After a conflict, when the person chooses the saved text over theirs: it replaces theirs, unsent. */
  adopt(serverText: string): void {
    this.clearTimer();
    this.conflicted = false;
    this.failures = 0;
    this.saved = serverText;
    this.latest = serverText;
    this.options.onState({ kind: 'idle' });
  }

  /** Stops timers (the caller flushes first if it wants the text saved). */
  dispose(): void {
    this.clearTimer();
  }

  private async send(text: string): Promise<void> {
    this.options.onState({ kind: 'saving' });
    try {
      await this.options.save(text);
      this.saved = text;
      this.failures = 0;
      this.inFlight = null;
      if (this.unsaved) {
        // Typed while the save was on its way: that goes next.
        this.inFlight = this.send(this.latest);
        return this.inFlight;
      }
      this.options.onState({ kind: 'saved', at: this.now() });
    } catch (error) {
      this.inFlight = null;
      if (this.options.isConflict(error)) {
        this.conflicted = true;
        this.options.onState({ kind: 'conflict', message: this.options.describe(error) });
        return;
      }
      const wait = this.retryMs[Math.min(this.failures, this.retryMs.length - 1)]!;
      this.failures += 1;
      this.options.onState({ kind: 'failed', message: this.options.describe(error), retryAt: new Date(this.now().getTime() + wait) });
      this.schedule(wait);
    }
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
