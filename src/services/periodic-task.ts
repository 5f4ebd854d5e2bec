/**
 * Runs one piece of work every `intervalMs`, never two at once, until stopped; stop() waits for a run in
 * progress. The work itself must be safe to run on several server instances (idempotent or locked).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the schedule (a first run after one interval); an interval of 0 never runs. */
  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One run now, or the run already in progress. */
  runOnce(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.current ??= this.work()
      .then(() => undefined, this.onError)
      .finally(() => (this.current = undefined));
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.current;
  }
}
