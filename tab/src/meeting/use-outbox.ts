import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Observation } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import type { OutboxEntry } from './outbox-entry.js';
import { isRefusal, retryDelayMs } from './outbox-policy.js';
import { openOutboxStore, type OutboxStore } from './outbox-store.js';

export type OutboxStatus = 'saving' | 'waiting' | 'failed';
export interface QueuedObservation {
  entry: OutboxEntry;
  status: OutboxStatus;
}

export interface OutboxEvents {
  onSaved(observation: Observation): void;
  onWaiting(entry: OutboxEntry): void;
  onRefused(entry: OutboxEntry, message: string): void;
}

/**
 * The queue of observations not yet on the server. Each is written to IndexedDB before it is
 * sent, retried with backoff and whenever the browser comes back online, and removed only when
 * the server has answered 201. A refusal (4xx) keeps it, with the server's message, so nothing
 * typed is lost. On start the stored queue is sent again.
 */
export function useOutbox(partnershipId: string, personId: string, events: OutboxEvents) {
  const [queue, setQueue] = useState<Map<string, QueuedObservation>>(new Map());
  const store = useRef<OutboxStore | null>(null);
  const inFlight = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const eventsRef = useRef(events);
  eventsRef.current = events;
  const [durable, setDurable] = useState(true);

  const setItem = useCallback((id: string, item: QueuedObservation | null) => {
    setQueue((q) => {
      const next = new Map(q);
      if (item) next.set(id, item);
      else next.delete(id);
      return next;
    });
  }, []);

  const entries = useRef(new Map<string, OutboxEntry>());

  const send = useCallback(
    async (entry: OutboxEntry): Promise<void> => {
      if (inFlight.current.has(entry.id) || entry.failure) return;
      inFlight.current.add(entry.id);
      setItem(entry.id, { entry, status: entry.attempts === 0 ? 'saving' : 'waiting' });
      try {
        const saved = await callApi(apiRoutes.createObservation, { params: { partnershipId }, body: entry.observation });
        entries.current.delete(entry.id);
        await store.current?.remove(entry.id).catch(() => undefined);
        setItem(entry.id, null);
        eventsRef.current.onSaved(saved);
      } catch (error) {
        const apiError = toApiError(error);
        const next: OutboxEntry = isRefusal(apiError)
          ? { ...entry, failure: apiError.message }
          : { ...entry, attempts: entry.attempts + 1 };
        if (!entries.current.has(entry.id)) return; // discarded meanwhile
        entries.current.set(entry.id, next);
        await store.current?.put(next).catch(() => undefined);
        if (next.failure) {
          setItem(entry.id, { entry: next, status: 'failed' });
          eventsRef.current.onRefused(next, next.failure);
        } else {
          setItem(entry.id, { entry: next, status: 'waiting' });
          if (entry.attempts === 0) eventsRef.current.onWaiting(next);
          schedule(retryDelayMs(next.attempts));
        }
      } finally {
        inFlight.current.delete(entry.id);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [partnershipId, setItem],
  );

  const flush = useCallback(() => {
    for (const entry of entries.current.values()) void send(entry);
  }, [send]);

  function schedule(delay: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      flushRef.current();
    }, delay);
  }
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // On start: open the store and send again whatever it holds for this person.
  useEffect(() => {
    let live = true;
    void openOutboxStore().then(async (s) => {
      if (!live) return;
      store.current = s;
      setDurable(s.durable);
      const stored = await s.list(partnershipId, personId);
      if (!live) return;
      for (const entry of stored) {
        if (entries.current.has(entry.id)) continue;
        entries.current.set(entry.id, entry);
        setItem(entry.id, { entry, status: entry.failure ? 'failed' : 'waiting' });
      }
      flushRef.current();
    });
    const online = () => flushRef.current();
    window.addEventListener('online', online);
    return () => {
      live = false;
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [partnershipId, personId, setItem]);

  /** Keeps the observation on the device, then sends it. */
  const enqueue = useCallback(
    async (observation: OutboxEntry['observation']) => {
      const entry: OutboxEntry = { id: observation.id, partnershipId, personId, observation, attempts: 0, failure: null };
      entries.current.set(entry.id, entry);
      setItem(entry.id, { entry, status: 'saving' });
      const s = store.current ?? (await openOutboxStore());
      store.current = s;
      await s.put(entry).catch(() => undefined);
      await send(entry);
    },
    [partnershipId, personId, send, setItem],
  );

  /** Drops a refused entry (its text has been taken back into the form, or the person let it go). */
  const discard = useCallback(
    async (id: string) => {
      entries.current.delete(id);
      setItem(id, null);
      await store.current?.remove(id).catch(() => undefined);
    },
    [setItem],
  );

  const retryNow = useCallback(() => flushRef.current(), []);

  return { queue: [...queue.values()], enqueue, discard, retryNow, durable };
}
