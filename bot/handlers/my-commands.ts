import { myActionsCard } from '../cards/my-actions-card.js';
import { myChallengesCard, type MyChallenge } from '../cards/my-challenges-card.js';
import type { BotTurn } from '../turn.js';
import { actorsOf, NOT_LINKED, type BotServices } from './bot-services.js';
import { ukCalendarDay } from '../../src/domain/uk-date.js';

const CLOSED = ['accepted', 'escalated', 'closed'];

/** "my challenges": open challenges addressed to the sender or raised by them, in every partnership they serve. */
export async function answerMyChallenges(turn: BotTurn, services: BotServices): Promise<void> {
  const actors = await actorsOf(turn, services.people);
  if (actors.length === 0) return turn.replyText(NOT_LINKED);
  const items: MyChallenge[] = [];
  for (const actor of actors) {
    for (const c of await services.challenges.list(actor)) {
      if (CLOSED.includes(c.status)) continue;
      if (c.addressee.personId === actor.personId) items.push({ challenge: c, as: 'addressee' });
      else if (c.raisedBy.id === actor.personId) items.push({ challenge: c, as: 'scrutineer' });
    }
  }
  await turn.replyCard(myChallengesCard(items), `Line of Sight: ${items.length} open challenge${items.length === 1 ? '' : 's'}`);
}

/** "my actions": the sender's open actions, soonest due first. */
export async function answerMyActions(turn: BotTurn, services: BotServices): Promise<void> {
  const actors = await actorsOf(turn, services.people);
  if (actors.length === 0) return turn.replyText(NOT_LINKED);
  const actions = (await Promise.all(actors.map((a) => services.actions.openForOwner(a.partnershipId, a.personId)))).flat();
  await turn.replyCard(myActionsCard(actions, ukCalendarDay(services.now())), `Line of Sight: ${actions.length} open action${actions.length === 1 ? '' : 's'}`);
}
