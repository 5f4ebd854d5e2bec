import type { Observation } from '../../../src/contract/index.js';
import type { OutboxStatus, QueuedObservation } from './use-outbox.js';

/** One line of the timeline: an observation the server has, or one still on this device. */
export type TimelineItem =
  | { kind: 'saved'; observation: Observation }
  | { kind: 'queued'; id: string; status: OutboxStatus; observation: QueuedObservation['entry']['observation']; failure: string | null };

export const itemId = (item: TimelineItem) => (item.kind === 'saved' ? item.observation.id : item.id);

/** The server's observations and the queued ones, newest first; a queued one the server has already is shown once. */
export function mergeTimeline(saved: readonly Observation[], queued: readonly QueuedObservation[]): TimelineItem[] {
  const savedIds = new Set(saved.map((o) => o.id));
  const items: TimelineItem[] = [
    ...saved.filter((o) => !o.deletedAt).map((observation) => ({ kind: 'saved' as const, observation })),
    ...queued
      .filter((q) => !savedIds.has(q.entry.id))
      .map((q) => ({ kind: 'queued' as const, id: q.entry.id, status: q.status, observation: q.entry.observation, failure: q.entry.failure })),
  ];
  const at = (i: TimelineItem) => Date.parse(i.observation.observedAt ?? '');
  return items.sort((a, b) => at(b) - at(a) || itemId(a).localeCompare(itemId(b)));
}
