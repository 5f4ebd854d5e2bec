import { ReferencesRepository } from './references-repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { AuditLogRepository } from './audit-log-repository.js';
import { ChecklistRepository } from './checklist-repository.js';
import { DocumentsRepository } from './documents-repository.js';
import { ForumsRepository, MeetingsRepository } from './forums-repository.js';
import { ObservationsRepository } from './observations-repository.js';
import { PartnershipsRepository } from './partnerships-repository.js';
import { PeopleRepository } from './people-repository.js';
import { SearchRepository } from './search-repository.js';
import { BotConversationsRepository } from './bot-conversations-repository.js';
import { OutboxRepository } from './outbox-repository.js';

export interface Repositories {
  partnerships: PartnershipsRepository;
  people: PeopleRepository;
  forums: ForumsRepository;
  meetings: MeetingsRepository;
  references: ReferencesRepository;
  documents: DocumentsRepository;
  checklists: ChecklistRepository;
  observations: ObservationsRepository;
  auditLog: AuditLogRepository;
  search: SearchRepository;
  botConversations: BotConversationsRepository;
  outbox: OutboxRepository;
}

/**
 * `coalesceWrites`: let concurrent saves share statements (group commit), with at most `writesInFlight`
 * statements at once. PGlite's one connection runs one at a time; on PostgreSQL a few batches in flight
 * share each commit's flush among many saves while leaving the pool free for reads
 * (bench/save-latency.ts: 361 → 1,440 saves/s with 4).
 */
export function createRepositories(db: Kysely<Database>, options: { coalesceWrites?: boolean; writesInFlight?: number } = {}): Repositories {
  return {
    partnerships: new PartnershipsRepository(db),
    people: new PeopleRepository(db),
    forums: new ForumsRepository(db),
    meetings: new MeetingsRepository(db),
    references: new ReferencesRepository(db),
    documents: new DocumentsRepository(db),
    checklists: new ChecklistRepository(db),
    observations: new ObservationsRepository(db, options),
    auditLog: new AuditLogRepository(db),
    search: new SearchRepository(db),
    botConversations: new BotConversationsRepository(db),
    outbox: new OutboxRepository(db),
  };
}
