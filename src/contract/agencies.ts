import { z } from 'zod';
import { AGENCY_KINDS } from '../domain/vocabulary.js';
import { Uuid } from './values.js';

/** One of the partnership's agencies, as a picker lists it. */
export const AgencySummary = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  /** The local authority, the police and the health board (ICB); the others are relevant agencies. */
  isStatutoryPartner: z.boolean(),
});
export type AgencySummary = z.infer<typeof AgencySummary>;
