import { describe, expect, it } from 'vitest';
import { MembershipCache } from '../../src/services/membership-cache.js';

describe('membership cache', () => {
  const counter = () => {
    let reads = 0;
    return { load: (value: string) => async () => { reads += 1; return value; }, reads: () => reads };
  };

  it('reads once within the time to live, and again after it, so a removed role stops working', async () => {
    let now = 0;
    const cache = new MembershipCache<string>(10_000, 100, () => now);
    const c = counter();
    expect(await cache.get('dev:a', c.load('scrutineer'))).toBe('scrutineer');
    now = 9_999;
    expect(await cache.get('dev:a', c.load('removed'))).toBe('scrutineer');
    expect(c.reads()).toBe(1);
    now = 10_000;
    expect(await cache.get('dev:a', c.load('removed'))).toBe('removed');
    expect(c.reads()).toBe(2);
  });

  it('never answers one identity with another\'s memberships', async () => {
    const cache = new MembershipCache<string>(10_000);
    expect(await cache.get('entra:t:1', async () => 'first')).toBe('first');
    expect(await cache.get('entra:t:2', async () => 'second')).toBe('second');
  });

  it('reads every time when turned off (0 seconds)', async () => {
    const cache = new MembershipCache<string>(0);
    const c = counter();
    await cache.get('k', c.load('x'));
    await cache.get('k', c.load('x'));
    expect(c.reads()).toBe(2);
  });

  it('holds at most its limit, forgetting the oldest first', async () => {
    const cache = new MembershipCache<string>(10_000, 2);
    const c = counter();
    await cache.get('a', c.load('a'));
    await cache.get('b', c.load('b'));
    await cache.get('c', c.load('c'));
    await cache.get('b', c.load('b'));
    expect(c.reads()).toBe(3);
    await cache.get('a', c.load('a'));
    expect(c.reads()).toBe(4);
  });

  it('remembers nothing when the read fails', async () => {
    const cache = new MembershipCache<string>(10_000);
    await expect(cache.get('k', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'read again')).toBe('read again');
  });
});
