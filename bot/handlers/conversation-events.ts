import type { ConversationInstall } from '../../src/storage/repositories/bot-conversations-repository.js';
import type { BotConversationType } from '../../src/storage/schema.js';
import type { BotTurn } from '../turn.js';

/** Where conversation references are kept (BotConversationsRepository). */
export interface ConversationStore {
  install(c: ConversationInstall, now: Date): Promise<unknown>;
  remove(conversationId: string, now: Date): Promise<number>;
  removeTeam(tenantId: string, teamId: string, now: Date): Promise<number>;
}

const TYPES: readonly BotConversationType[] = ['personal', 'groupChat', 'channel'];

/**
 * Keeps conversation references from Teams' installation and membership events, so that the
 * bot can later speak first (reminders, evidence requests) in personal chats, group chats,
 * teams and channels. Installing (or adding the bot) stores one; uninstalling removes it.
 */
export function conversationEventsHandler(store: ConversationStore, now: () => Date = () => new Date()) {
  return async (turn: BotTurn): Promise<void> => {
    const c = installOf(turn);
    if (!c) return;
    const botId = turn.bot?.id;
    const isBot = (m: { id: string }) => m.id === botId;

    if (turn.activityType === 'installationUpdate') {
      if (turn.action === 'add' || turn.action === 'add-upgrade') await store.install(c, now());
      else if (turn.action === 'remove') await removeAll(store, c, now());
      return;
    }
    if (turn.activityType !== 'conversationUpdate') return;
    if (turn.membersRemoved?.some(isBot)) {
      await removeAll(store, c, now());
      return;
    }
    if (turn.teams?.eventType === 'channelDeleted' && turn.teams.channelId) {
      await store.remove(turn.teams.channelId, now());
      return;
    }
    // The bot joined, or (in a personal chat) the user did: either way the chat can be reached.
    if (turn.membersAdded?.some(isBot) || (c.conversationType === 'personal' && (turn.membersAdded?.length ?? 0) > 0)) {
      await store.install(c, now());
    }
  };
}

async function removeAll(store: ConversationStore, c: ConversationInstall, at: Date): Promise<void> {
  if (c.conversationType === 'channel' && c.teamId) await store.removeTeam(c.tenantId, c.teamId, at);
  await store.remove(c.conversationId, at);
}

/** The reference Teams gives in an event; undefined when the event lacks what is needed to reply later. */
function installOf(turn: BotTurn): ConversationInstall | undefined {
  const type = turn.conversation.conversationType as BotConversationType | undefined;
  const tenantId = turn.tenantId ?? turn.conversation.tenantId;
  if (!type || !TYPES.includes(type) || !tenantId || !turn.serviceUrl || !turn.bot?.id || !turn.conversation.id) return undefined;
  return {
    // A channel message's conversation id names its thread; the channel itself is the part before it.
    conversationId: turn.conversation.id.split(';messageid=')[0]!,
    conversationType: type,
    tenantId,
    serviceUrl: turn.serviceUrl,
    botId: turn.bot.id,
    teamId: turn.teams?.teamId,
    channelId: turn.teams?.channelId ?? (type === 'channel' ? turn.conversation.id.split(';messageid=')[0] : undefined),
    userAadObjectId: turn.from.aadObjectId,
  };
}
