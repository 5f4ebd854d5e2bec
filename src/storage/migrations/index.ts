import type { Migration } from 'kysely';
import { migration as initialSchema } from './0001-initial-schema.js';
import { migration as documentSyncAndSearch } from './0002-document-sync-and-search.js';
import { migration as annotationAnchors } from './0003-annotation-anchors.js';
import { migration as searchPageFields } from './0004-search-page-fields.js';
import { migration as botConversationsAndOutbox } from './0005-bot-conversations-and-outbox.js';
import { migration as evidenceRequests } from './0006-evidence-requests.js';
import { migration as challengeDecisions } from './0007-challenge-decisions.js';
import { migration as actionTracker } from './0008-action-tracker.js';
import { migration as reports } from './0009-reports.js';
import { migration as retention } from './0010-retention.js';

/**
 * Every migration, in order. Names never change once released: the database records them.
 * Listed statically (not read from the folder) so that the compiled build and tsx agree.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-document-sync-and-search': documentSyncAndSearch,
  '0003-annotation-anchors': annotationAnchors,
  '0004-search-page-fields': searchPageFields,
  '0005-bot-conversations-and-outbox': botConversationsAndOutbox,
  '0006-evidence-requests': evidenceRequests,
  '0007-challenge-decisions': challengeDecisions,
  '0008-action-tracker': actionTracker,
  '0009-reports': reports,
  '0010-retention': retention,
};
