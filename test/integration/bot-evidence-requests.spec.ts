import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { startFakeConnector, type FakeConnector, type DeliveredActivity } from '../support/fake-connector.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOST_TENANT = '11111111-2222-4333-8444-555555555555';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Line of Sight' };
const LINK = 'https://demoborough.sharepoint.com/sites/SCP/Shared%20Documents/QA/Re-audit%20report.pdf';

interface User {
  aadObjectId: string;
  name: string;
}
const chatOf = (u: User) => `a:1personal-${u.aadObjectId}`;

/** Activities shaped as Microsoft's Teams documentation shows them, in a one-to-one chat with the bot. */
const teams = {
  personalInstall(serviceUrl: string, user: User) {
    return {
      type: 'installationUpdate',
      id: `f:${randomUUID()}`,
      timestamp: '2026-11-22T10:00:00.000Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: `29:1${user.aadObjectId}`, aadObjectId: user.aadObjectId },
      recipient: BOT,
      conversation: { conversationType: 'personal', tenantId: HOST_TENANT, id: chatOf(user) },
      action: 'add',
      channelData: { tenant: { id: HOST_TENANT }, source: { name: 'message' } },
      locale: 'en-GB',
    };
  },
  /** Action.Execute on a card the bot sent: Teams merges the card's inputs into the action's data. */
  cardAction(serviceUrl: string, user: User, cardMessageId: string, action: { verb: string; data: Record<string, unknown> }) {
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `f:${randomUUID()}`,
      timestamp: '2026-11-23T10:05:00.000Z',
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:1${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      conversation: { conversationType: 'personal', tenantId: HOST_TENANT, id: chatOf(user) },
      recipient: BOT,
      replyToId: cardMessageId,
      value: { action: { type: 'Action.Execute', id: '', verb: action.verb, data: action.data }, trigger: 'manual' },
      channelData: { tenant: { id: HOST_TENANT }, source: { name: 'message' } },
      locale: 'en-GB',
    };
  },
};

const texts = (card: unknown): string[] => JSON.stringify(card).match(/"text":"(?:[^"\\]|\\.)*"/g)?.map((t) => JSON.parse(t.slice(7))) ?? [];

async function until<T>(find: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(testDatabases())('evidence requests over HTTP on $kind (outbox to the chair, card action back on /api/messages)', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let t: TestApp;
  let connector: FakeConnector;
  let p: PartnershipFixture;
  let owned: string;
  let ofForum: string;
  let notTheirs: string;
  let card: DeliveredActivity;
  let submit: { verb: string; data: Record<string, unknown> };
  let confirmed: any;
  const clock = new Date('2026-11-23T09:30:00Z'); // Monday, 09:30 in London
  const chair: User = { aadObjectId: randomUUID(), name: 'Dana Whitfield' };
  const manager: User = { aadObjectId: randomUUID(), name: 'Priya Nair' };

  const invoke = (user: User, action: { verb: string; data: Record<string, unknown> }) =>
    request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, user, card.activityId, action) });
  const db = () => t.app.database.db;
  const actionRow = (id: string) => db().selectFrom('actions').select(['status', 'percent_complete', 'updated_at', 'completion_proposed_by_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const history = (id: string) => db().selectFrom('action_history').select(['actor_id', 'surface', 'changes', 'comment', 'at']).where('action_id', '=', id).where('surface', '=', 'bot').execute();

  beforeAll(async () => {
    connector = await startFakeConnector();
    h = await target.create();
    t = await startTestApp({ seedDemo: false, now: () => clock, database: h });
    p = await makePartnership(db());
    const subgroup = randomUUID();
    await db().insertInto('forums').values({ id: subgroup, partnership_id: p.partnershipId, name: 'Quality Assurance Subgroup', kind: 'subgroup', chair_person_id: p.people.subgroup_chair, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
    const action = async (reference: string, owner: string, forum: string | null, status: 'not_started' | 'in_progress') => {
      const id = randomUUID();
      await db()
        .insertInto('actions')
        .values({ id, partnership_id: p.partnershipId, reference, title: `${reference}: synthetic action`, source: 'audit', source_ref: null, area_id: null, owner_person_id: owner, agency_id: null, forum_id: forum, challenge_id: null, due_date: '2027-01-15', status, percent_complete: 20, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null })
        .execute();
      return id;
    };
    owned = await action('AUD-01', p.people.subgroup_chair, null, 'in_progress');
    ofForum = await action('AUD-02', p.people.partner_member, subgroup, 'not_started');
    notTheirs = await action('SCR-01', p.people.partner_member, p.forumId, 'in_progress');
    for (const [personId, user] of [[p.people.subgroup_chair, chair], [p.people.business_manager, manager]] as const) {
      await db().updateTable('people').set({ entra_object_id: user.aadObjectId, tenant_id: HOST_TENANT }).where('id', '=', personId).execute();
    }
    const installed = await request(t.url, 'POST', '/api/messages', { json: teams.personalInstall(connector.url, chair) });
    expect(installed.status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
    await h?.dispose();
  });

  it('sends the chair a card about their open actions through the outbox', async () => {
    expect(await t.app.evidenceRequests.tick()).toMatchObject({ created: 1, steps: 1 });
    card = await until(() => connector.delivered.find((d) => d.conversationId === chatOf(chair)), 'the evidence request card');
    const attachment = card.body.attachments[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(attachment.content)).toEqual(expect.arrayContaining(['Evidence update requested', 'AUD-01: AUD-01: synthetic action', 'AUD-02: AUD-02: synthetic action']));
    expect(JSON.stringify(attachment.content)).not.toContain('SCR-01');
    submit = attachment.content.actions[0];
    expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'evidence.submit', data: { verb: 'evidence.submit', requestId: expect.any(String), submissionId: expect.any(String) } });
    // A second pass (or a second instance) sends nothing more.
    await t.app.evidenceRequests.tick();
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.delivered.filter((d) => d.conversationId === chatOf(chair))).toHaveLength(1);
  });

  it('records statuses, comments and links sent from the card, and answers with the card updated in place', async () => {
    connector.calls.length = 0;
    const data = {
      ...submit.data,
      [`status:${owned}`]: 'proposed_complete',
      [`percent:${owned}`]: '100',
      [`comment:${owned}`]: 'Both cases re-audited; the report goes to the subgroup in December.',
      [`evidence:${owned}`]: LINK,
      [`status:${ofForum}`]: 'in_progress',
      [`percent:${ofForum}`]: '20',
      [`comment:${ofForum}`]: 'Data request sent to the trust.',
      [`evidence:${ofForum}`]: '',
    };
    const r = await invoke(chair, { verb: submit.verb, data });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    confirmed = r.body.value;
    expect(texts(confirmed)).toEqual(
      expect.arrayContaining([
        'Thank you: your update was recorded in the tracker (23 November 2026 at 09:30).',
        'AUD-01: in progress \u2192 proposed complete; 20% \u2192 100% done; comment added; evidence linked (Re-audit report.pdf).',
        'AUD-02: not started \u2192 in progress; comment added.',
        'Evidence so far: Re-audit report.pdf',
      ]),
    );
    const update = connector.calls.find((c) => c.method === 'PUT');
    expect(update?.path).toBe(`/v3/conversations/${encodeURIComponent(chatOf(chair))}/activities/${card.activityId}`);
    expect(texts(update!.body.attachments[0].content)).toContain('Thank you: your update was recorded in the tracker (23 November 2026 at 09:30).');

    expect(await actionRow(owned)).toMatchObject({ status: 'proposed_complete', percent_complete: 100, updated_at: clock, completion_proposed_by_id: p.people.subgroup_chair });
    expect(await actionRow(ofForum)).toMatchObject({ status: 'in_progress', percent_complete: 20 });
    expect(await history(owned)).toEqual([
      expect.objectContaining({ actor_id: p.people.subgroup_chair, surface: 'bot', at: clock, comment: 'Both cases re-audited; the report goes to the subgroup in December.', changes: expect.objectContaining({ status: { from: 'in_progress', to: 'proposed_complete' } }) }),
    ]);
    expect(await db().selectFrom('action_evidence').select(['url', 'title']).where('action_id', '=', owned).execute()).toEqual([{ url: LINK, title: 'Re-audit report.pdf' }]);
    expect(await db().selectFrom('evidence_requests').select(['status', 'answered_at']).where('id', '=', submit.data.requestId as string).executeTakeFirst()).toEqual({ status: 'answered', answered_at: clock });

    // Teams repeats the invoke: the same confirmation, nothing written twice.
    const again = await invoke(chair, { verb: submit.verb, data });
    expect(texts(again.body.value)).toContain('AUD-02: not started \u2192 in progress; comment added.');
    expect(await history(owned)).toHaveLength(1);
    expect(await history(ofForum)).toHaveLength(1);
  });

  it('refuses a link that is not on SharePoint on the card, keeping what was typed, and changes nothing', async () => {
    const next = confirmed.actions[0];
    expect(next.data.submissionId).not.toBe(submit.data.submissionId);
    const r = await invoke(chair, { verb: next.verb, data: { ...next.data, [`status:${ofForum}`]: 'proposed_complete', [`evidence:${ofForum}`]: 'https://files.example.org/report.pdf' } });
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(r.body.value)).toEqual(
      expect.arrayContaining([
        'Nothing was saved: please correct what is marked below and send again.',
        'AUD-02: the evidence link must be on SharePoint (an address ending in .sharepoint.com), not files.example.org.',
      ]),
    );
    expect(r.body.value.body.flatMap((e: any) => e.items ?? []).find((e: any) => e.id === `evidence:${ofForum}`)?.value).toBe('https://files.example.org/report.pdf');
    expect(await actionRow(ofForum)).toMatchObject({ status: 'in_progress' });
    expect(await history(ofForum)).toHaveLength(1);
  });

  it('refuses an action that is not the chair\u2019s, and anyone but the chair', async () => {
    const next = confirmed.actions[0];
    const forged = await invoke(chair, { verb: next.verb, data: { ...next.data, [`status:${notTheirs}`]: 'proposed_complete', [`evidence:${notTheirs}`]: LINK } });
    expect(texts(forged.body.value)).toContain('You may update only the actions this request asks you about. Nothing was changed.');
    expect(await actionRow(notTheirs)).toMatchObject({ status: 'in_progress' });
    const other = await invoke(manager, { verb: next.verb, data: { ...next.data, [`status:${owned}`]: 'in_progress' } });
    expect(other.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    expect(await actionRow(owned)).toMatchObject({ status: 'proposed_complete' });
  });
});
