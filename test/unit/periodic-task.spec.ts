import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicTask } from '../../src/services/periodic-task.js';

describe('periodic task', () => {
  afterEach(() => vi.useRealTimers());

  it('runs on its interval, never twice at once, and stop() waits for the run in progress', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let finish: () => void = () => undefined;
    const task = new PeriodicTask(() => { runs += 1; return new Promise<void>((r) => (finish = r)); }, 1_000, () => undefined);
    task.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });

  it('reports a failed run and goes on to the next', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const task = new PeriodicTask(async () => { runs += 1; if (runs === 1) throw new Error('database down'); }, 1_000, (e) => errors.push(e));
    task.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['database down']);
    await task.stop();
  });

  it('never runs on a schedule with an interval of 0', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const task = new PeriodicTask(async () => { runs += 1; }, 0, () => undefined);
    task.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(0);
  });
});
