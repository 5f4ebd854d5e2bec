import type { NewObservation } from '../../../src/contract/index.js';

/** An observation kept on this device until the server has it. */
export interface OutboxEntry {
  /** The observation's client-made id: the same on every retry, so the server saves it once. */
  id: string;
  partnershipId: string;
  /** Whose it is: a queue is only ever sent as the person who wrote it. */
  personId: string;
  observation: NewObservation & { observedAt: string };
  attempts: number;
  /** Set when the server refused it (4xx): shown with the text, never retried by itself. */
  failure: string | null;
}
