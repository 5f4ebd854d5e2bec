import { type Kysely, sql } from 'kysely';

/**
 * Where the bot can speak (conversation references from installation and membership
 * events) and what it has to say (the outbox of proactive messages).
 *
 * bot_conversations.partnership_id stays null until the conversation is matched to a
 * partnership: a partner may install the app before anyone adds them to Line of Sight.
 * One conversation may serve several partnerships (a scrutineer's personal chat), so a
 * conversation has one row per partnership it is matched to.
 *
 * outbox_messages carries its own copy of the reference it is sent to, so a message
 * still says where it was going after its conversation is removed.
 */
const up: string[] = [
  `CREATE TABLE bot_conversations (
    id uuid PRIMARY KEY,
    partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE,
    person_id uuid,
    conversation_id text NOT NULL CHECK (length(conversation_id) BETWEEN 1 AND 1000),
    conversation_type text NOT NULL CHECK (conversation_type IN ('personal','groupChat','channel')),
    tenant_id text NOT NULL,
    team_id text,
    channel_id text,
    service_url text NOT NULL CHECK (service_url ~ '^https?://'),
    bot_id text NOT NULL,
    user_aad_object_id text,
    installed_at timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (person_id IS NULL OR partnership_id IS NOT NULL),
    UNIQUE NULLS NOT DISTINCT (conversation_id, partnership_id),
    FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id) ON DELETE SET NULL (person_id)
  )`,
  `ALTER TABLE bot_conversations ADD CONSTRAINT bot_conversations_partnership_id_id_key UNIQUE (partnership_id, id)`,
  `CREATE INDEX bot_conversations_person_idx ON bot_conversations (partnership_id, person_id) WHERE removed_at IS NULL`,
  `CREATE INDEX bot_conversations_user_idx ON bot_conversations (tenant_id, user_aad_object_id) WHERE user_aad_object_id IS NOT NULL`,

  `CREATE TABLE outbox_messages (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 300),
    bot_conversation_id uuid,
    conversation_id text NOT NULL,
    tenant_id text NOT NULL,
    reference jsonb NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','unreachable')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz,
    locked_by text,
    last_error text,
    sent_activity_id text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (partnership_id, bot_conversation_id) REFERENCES bot_conversations (partnership_id, id)
  )`,
  `ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_partnership_id_id_key UNIQUE (partnership_id, id)`,
  // The worker's claim reads only rows that may still go out.
  `CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status IN ('pending','sending')`,
  `CREATE INDEX outbox_messages_partnership_status_idx ON outbox_messages (partnership_id, status, updated_at)`,
];

const down: string[] = ['DROP TABLE IF EXISTS outbox_messages', 'DROP TABLE IF EXISTS bot_conversations'];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
