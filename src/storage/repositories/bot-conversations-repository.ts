import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { BotConversationsTable, BotConversationType, Database } from '../schema.js';

/** A conversation the bot has been installed in, as Teams describes it. */
export interface ConversationInstall {
  conversationId: string;
  conversationType: BotConversationType;
  tenantId: string;
  serviceUrl: string;
  botId: string;
  teamId?: string;
  channelId?: string;
  /** The user of a personal chat, else the person who installed the app (their Entra object id). */
  userAadObjectId?: string;
}

/** Where and how to reach one conversation: what the outbox needs to send. */
export interface ConversationRef {
  conversationId: string;
  conversationType: BotConversationType;
  tenantId: string;
  serviceUrl: string;
  botId: string;
  /** The stored conversation row, when the reference came from one. */
  botConversationId?: string;
}

export interface StoredConversation extends ConversationRef {
  botConversationId: string;
  partnershipId: string | null;
  personId: string | null;
  teamId: string | null;
  channelId: string | null;
  removedAt: Date | null;
}

type Match = { partnershipId: string; personId: string | null };

export class BotConversationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores (or revives) a conversation and matches it to partnerships: a personal chat by its
   * user's Entra object id and tenant (partners from other tenants included), a team's channels
   * by the forums that name the team, a group chat by the person who added the bot.
   * Unmatched, it is kept with no partnership, to be matched when the person is added.
   */
  async install(c: ConversationInstall, now: Date): Promise<StoredConversation[]> {
    return this.db.transaction().execute(async (trx) => {
      const matches = await findMatches(trx, c);
      const targets: (Match | null)[] = matches.length > 0 ? matches : [null];
      if (matches.length > 0) {
        await trx.deleteFrom('bot_conversations').where('conversation_id', '=', c.conversationId).where('partnership_id', 'is', null).execute();
      }
      for (const m of targets) {
        await sql`
          INSERT INTO bot_conversations (id, partnership_id, person_id, conversation_id, conversation_type, tenant_id, team_id, channel_id,
                                         service_url, bot_id, user_aad_object_id, installed_at, removed_at, updated_at)
          VALUES (${randomUUID()}, ${m?.partnershipId ?? null}, ${m?.personId ?? null}, ${c.conversationId}, ${c.conversationType}, ${c.tenantId},
                  ${c.teamId ?? null}, ${c.channelId ?? null}, ${c.serviceUrl}, ${c.botId}, ${c.userAadObjectId ?? null}, ${now}, NULL, ${now})
          ON CONFLICT ON CONSTRAINT bot_conversations_conversation_id_partnership_id_key DO UPDATE SET
            person_id = coalesce(EXCLUDED.person_id, bot_conversations.person_id),
            conversation_type = EXCLUDED.conversation_type,
            tenant_id = EXCLUDED.tenant_id,
            team_id = coalesce(EXCLUDED.team_id, bot_conversations.team_id),
            channel_id = coalesce(EXCLUDED.channel_id, bot_conversations.channel_id),
            service_url = EXCLUDED.service_url,
            bot_id = EXCLUDED.bot_id,
            user_aad_object_id = coalesce(bot_conversations.user_aad_object_id, EXCLUDED.user_aad_object_id),
            installed_at = CASE WHEN bot_conversations.removed_at IS NULL THEN bot_conversations.installed_at ELSE EXCLUDED.installed_at END,
            removed_at = NULL,
            updated_at = EXCLUDED.updated_at`.execute(trx);
      }
      return (await this.select(trx).where('conversation_id', '=', c.conversationId).execute()).map(toStored);
    });
  }

  /** The bot left a conversation (uninstalled, or removed from it): it can no longer be reached there. */
  async remove(conversationId: string, now: Date): Promise<number> {
    const r = await this.db
      .updateTable('bot_conversations')
      .set({ removed_at: now, updated_at: now })
      .where('conversation_id', '=', conversationId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** The bot was removed from a team: every channel of that team goes with it. */
  async removeTeam(tenantId: string, teamId: string, now: Date): Promise<number> {
    const r = await this.db
      .updateTable('bot_conversations')
      .set({ removed_at: now, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('team_id', '=', teamId), eb('conversation_id', '=', teamId)]))
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Every row of one conversation, removed ones included. */
  async findByConversation(conversationId: string): Promise<StoredConversation[]> {
    return (await this.select(this.db).where('conversation_id', '=', conversationId).orderBy('partnership_id').execute()).map(toStored);
  }

  /** The personal chat in which a person can be reached, if they installed the app. */
  async personalChatOf(partnershipId: string, personId: string): Promise<StoredConversation | undefined> {
    const row = await this.select(this.db)
      .where('partnership_id', '=', partnershipId)
      .where('person_id', '=', personId)
      .where('conversation_type', '=', 'personal')
      .where('removed_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    return row && toStored(row);
  }

  /** The channel of a forum (forums.teams_channel_id), if the bot is installed in its team. */
  async channelOfForum(partnershipId: string, forumId: string): Promise<StoredConversation | undefined> {
    const row = await this.db
      .selectFrom('bot_conversations as bc')
      .innerJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'bc.partnership_id'))
      .selectAll('bc')
      .where('bc.partnership_id', '=', partnershipId)
      .where('f.id', '=', forumId)
      .where('bc.conversation_type', '=', 'channel')
      .where('bc.removed_at', 'is', null)
      // A channel's conversation id is its channel id; the installation event may carry either.
      .where((eb) => eb.or([eb('bc.channel_id', '=', eb.ref('f.teams_channel_id')), eb('bc.conversation_id', '=', eb.ref('f.teams_channel_id'))]))
      .orderBy('bc.updated_at', 'desc')
      .executeTakeFirst();
    return row && toStored(row);
  }

  /** Conversations of a partnership the bot is still in. */
  async listActive(partnershipId: string): Promise<StoredConversation[]> {
    return (await this.select(this.db).where('partnership_id', '=', partnershipId).where('removed_at', 'is', null).orderBy('installed_at').execute()).map(toStored);
  }

  private select(db: Kysely<Database>) {
    return db.selectFrom('bot_conversations').selectAll();
  }
}

async function findMatches(db: Kysely<Database>, c: ConversationInstall): Promise<Match[]> {
  const people = c.userAadObjectId
    ? await db
        .selectFrom('people')
        .select(['partnership_id', 'id'])
        .where('tenant_id', '=', c.tenantId)
        .where('entra_object_id', '=', c.userAadObjectId)
        .where('is_active', '=', true)
        .execute()
    : [];
  if (c.conversationType === 'personal') return people.map((p) => ({ partnershipId: p.partnership_id, personId: p.id }));
  if (c.conversationType === 'channel' && c.teamId) {
    const forums = await db.selectFrom('forums').select('partnership_id').distinct().where('teams_team_id', '=', c.teamId).execute();
    if (forums.length > 0) return forums.map((f) => ({ partnershipId: f.partnership_id, personId: null }));
  }
  // A group chat (or a team no forum names yet) belongs to the partnerships of whoever added the bot.
  return [...new Set(people.map((p) => p.partnership_id))].map((partnershipId) => ({ partnershipId, personId: null }));
}

function toStored(
  r: Pick<
    Selectable<BotConversationsTable>,
    'id' | 'partnership_id' | 'person_id' | 'conversation_id' | 'conversation_type' | 'tenant_id' | 'team_id' | 'channel_id' | 'service_url' | 'bot_id' | 'removed_at'
  >,
): StoredConversation {
  return {
    botConversationId: r.id,
    partnershipId: r.partnership_id,
    personId: r.person_id,
    conversationId: r.conversation_id,
    conversationType: r.conversation_type,
    tenantId: r.tenant_id,
    teamId: r.team_id,
    channelId: r.channel_id,
    serviceUrl: r.service_url,
    botId: r.bot_id,
    removedAt: r.removed_at,
  };
}
