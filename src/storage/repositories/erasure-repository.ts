import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ERASED_PERSON_NAME } from '../../contract/data-protection.js';
import type { Surface } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';
import { withDataProtectionTables } from './retention-repository.js';

export interface ErasureRecord {
  id: string;
  scope: 'person' | 'partnership';
  personId: string | null;
  at: Date;
  counts: Record<string, number>;
}

const count = async (db: Kysely<Database>, q: ReturnType<typeof sql<{ n: number | string }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
const changed = async (db: Kysely<Database>, q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows.length;

/**
 * Erasure: a person's records, or everything a partnership holds. Run inside the caller's transaction,
 * so the erasure, its record and its audit entry stand or fall together.
 */
export class ErasureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async person(partnershipId: string, personId: string): Promise<{ displayName: string; erased: boolean } | undefined> {
    const r = await sql<{ display_name: string; erased_at: Date | null }>`
      SELECT display_name, erased_at FROM people WHERE partnership_id = ${partnershipId} AND id = ${personId}`.execute(this.db);
    const row = r.rows[0];
    return row && { displayName: row.display_name, erased: row.erased_at !== null };
  }

  async partnership(partnershipId: string): Promise<{ name: string; shortName: string; isSynthetic: boolean; erased: boolean } | undefined> {
    const r = await sql<{ name: string; short_name: string; is_synthetic: boolean; erased_at: Date | null }>`
      SELECT name, short_name, is_synthetic, erased_at FROM partnerships WHERE id = ${partnershipId}`.execute(this.db);
    const row = r.rows[0];
    return row && { name: row.name, shortName: row.short_name, isSynthetic: row.is_synthetic, erased: row.erased_at !== null };
  }

  /**
   * What they wrote as the scrutineer's private workspace goes (observations, annotations); what they
   * took part in stays, under "Erased person": a challenge's answer or an action belongs to the
   * partnership's record (so is a report they drafted), and other people's records point at them. Their personal bot chats go, so the
   * bot cannot write to them again.
   */
  async erasePerson(partnershipId: string, personId: string, at: Date): Promise<Record<string, number>> {
    const db = this.db;
    const p = partnershipId;
    const annotations = await changed(db, sql`DELETE FROM annotations WHERE partnership_id = ${p} AND author_id = ${personId} RETURNING id`);
    const challengeLinks = await changed(db, sql`
      UPDATE challenges SET observation_id = NULL WHERE partnership_id = ${p}
        AND observation_id IN (SELECT id FROM observations WHERE partnership_id = ${p} AND author_id = ${personId}) RETURNING id`);
    const observations = await changed(db, sql`DELETE FROM observations WHERE partnership_id = ${p} AND author_id = ${personId} RETURNING id`);
    const forumsChaired = await changed(db, sql`UPDATE forums SET chair_person_id = NULL WHERE partnership_id = ${p} AND chair_person_id = ${personId} RETURNING id`);
    const outboxMessages = await changed(db, sql`
      DELETE FROM outbox_messages WHERE partnership_id = ${p} AND bot_conversation_id IN (
        SELECT id FROM bot_conversations WHERE partnership_id = ${p} AND person_id = ${personId} AND conversation_type = 'personal')
      RETURNING id`);
    const botChats = await changed(db, sql`
      DELETE FROM bot_conversations WHERE partnership_id = ${p} AND person_id = ${personId} AND conversation_type = 'personal' RETURNING id`);
    await sql`UPDATE bot_conversations SET person_id = NULL, user_aad_object_id = NULL WHERE partnership_id = ${p} AND person_id = ${personId}`.execute(db);
    const named = async (table: string, column: string) =>
      count(db, sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE partnership_id = ${p} AND ${sql.ref(column)} = ${personId}`);
    const counts = {
      observationsDeleted: observations,
      annotationsDeleted: annotations,
      challengeEvidenceLinksRemoved: challengeLinks,
      forumChairsCleared: forumsChaired,
      botChatsDeleted: botChats,
      botMessagesDeleted: outboxMessages,
      challengesRaisedAnonymised: await named('challenges', 'raised_by_id'),
      challengesAddressedAnonymised: await named('challenges', 'addressee_person_id'),
      challengeResponsesAnonymised: await named('challenge_responses', 'author_id'),
      actionsOwnedAnonymised: await named('actions', 'owner_person_id'),
      actionHistoryAnonymised: await named('action_history', 'actor_id'),
      // Reports are published partnership records: a draft and its documents stay, under "Erased person".
      reportDraftsAnonymised: await named('report_drafts', 'author_id'),
    };
    await sql`
      UPDATE people SET display_name = ${ERASED_PERSON_NAME}, email = NULL, job_title = NULL, entra_object_id = NULL,
        tenant_id = NULL, is_active = false, erased_at = ${at}
      WHERE partnership_id = ${p} AND id = ${personId}`.execute(db);
    return counts;
  }

  /** Every table that holds a partnership's rows (all but partnerships itself: test/repository/schema.spec.ts). */
  async partnershipTables(): Promise<string[]> {
    const r = await sql<{ table_name: string }>`
      SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'partnership_id' AND c.table_name NOT LIKE 'kysely_%'
      ORDER BY c.table_name`.execute(this.db);
    return r.rows.map((x) => x.table_name);
  }

  /** The stored files of the partnership's papers (content-store paths). */
  async contentPaths(partnershipId: string): Promise<string[]> {
    const r = await sql<{ path: string }>`
      SELECT content_path AS path FROM document_versions WHERE partnership_id = ${partnershipId} AND content_path IS NOT NULL
      UNION SELECT pdf_rendition_path FROM document_versions WHERE partnership_id = ${partnershipId} AND pdf_rendition_path IS NOT NULL`.execute(this.db);
    return r.rows.map((x) => x.path);
  }

  /** Of these stored files, those no remaining paper uses (content is shared by hash across partnerships). */
  async unreferenced(paths: string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const r = await sql<{ path: string }>`
      SELECT content_path AS path FROM document_versions WHERE content_path IN (${sql.join(paths)})
      UNION SELECT pdf_rendition_path FROM document_versions WHERE pdf_rendition_path IN (${sql.join(paths)})`.execute(this.db);
    const used = new Set(r.rows.map((x) => x.path));
    return paths.filter((x) => !used.has(x));
  }

  /**
   * Removes everything the partnership holds, its audit log with it, and leaves its row (name, and when it
   * was erased) so the erasure's own record and audit entry remain. Returns the rows removed per table.
   */
  async erasePartnership(partnershipId: string, at: Date): Promise<Record<string, number>> {
    const db = this.db;
    const before = await this.partnership(partnershipId);
    if (!before) return {};
    const counts: Record<string, number> = {};
    for (const table of await this.partnershipTables()) {
      const n = await count(db, sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE partnership_id = ${partnershipId}`);
      if (n > 0) counts[table] = n;
    }
    // The foreign keys cascade from the partnership to every row it holds; the row comes back empty.
    await sql`DELETE FROM partnerships WHERE id = ${partnershipId}`.execute(db);
    await sql`
      INSERT INTO partnerships (id, name, short_name, is_synthetic, host_tenant_id, checklist_framework_id, erased_at)
      VALUES (${partnershipId}, ${before.name}, ${before.shortName}, ${before.isSynthetic}, NULL, NULL, ${at})`.execute(db);
    return counts;
  }

  async record(e: { partnershipId: string; scope: 'person' | 'partnership'; personId: string | null; by: string; surface: Surface; counts: Record<string, number>; at: Date }): Promise<ErasureRecord> {
    const id = randomUUID();
    await withDataProtectionTables(this.db)
      .insertInto('data_erasures')
      .values({ id, partnership_id: e.partnershipId, scope: e.scope, person_id: e.personId, erased_by_label: e.by, surface: e.surface, counts: JSON.stringify(e.counts), at: e.at })
      .execute();
    return { id, scope: e.scope, personId: e.personId, at: e.at, counts: e.counts };
  }
}
