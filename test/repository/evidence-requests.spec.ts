import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { evidenceRequestMessages } from '../../bot/evidence-request-messages.js';
import { parseEvidenceSchedule, type EvidenceRequestSettings } from '../../src/domain/evidence-schedule.js';
import type { Actor } from '../../src/services/actor.js';
import { ServiceError } from '../../src/services/errors.js';
import { EvidenceRequestService } from '../../src/services/evidence-request-service.js';
import { EvidenceSubmissionService } from '../../src/services/evidence-submission-service.js';
import { OutboxService } from '../../src/services/outbox-service.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const DAY = 86_400_000;
const MONDAY = new Date('2026-11-23T09:30:00Z'); // Mon 23 November 2026, 09:30 in London (GMT)
const SETTINGS: EvidenceRequestSettings = { schedule: parseEvidenceSchedule('mon 09:00')!, dueSoonDays: 7, reminderDays: 3, remindersBeforeEscalation: 2 };
const LINK = 'https://demoborough.sharepoint.com/sites/SCP/Shared%20Documents/QA/Re-audit%20report.pdf';

describe.each(testDatabases())('evidence requests on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let p: PartnershipFixture;
  let clock: Date;
  /** The chair's open actions: one they own, one of the subgroup they chair (owned by someone else). */
  let owned: string;
  let ofForum: string;
  /** Not the chair's: another forum's action, and one of theirs already signed off. */
  let others: string;
  let signedOff: string;
  let chair: Actor;
  let secondChair: string;

  const scheduler = (settings = SETTINGS) => new EvidenceRequestService({ db: h.db, messages: evidenceRequestMessages, settings, now: () => clock });
  const submissions = () => new EvidenceSubmissionService(h.db, () => clock);

  async function person(role: 'subgroup_chair' | 'business_manager', name: string): Promise<string> {
    const id = randomUUID();
    await h.db.insertInto('people').values({ id, partnership_id: p.partnershipId, display_name: name, email: null, job_title: null, role, agency_id: null, entra_object_id: null, tenant_id: null }).execute();
    return id;
  }
  async function action(reference: string, values: { owner?: string | null; forum?: string | null; due?: string | null; status?: 'not_started' | 'in_progress' | 'proposed_complete' | 'complete' } = {}): Promise<string> {
    const id = randomUUID();
    await h.db
      .insertInto('actions')
      .values({ id, partnership_id: p.partnershipId, reference, title: `Action ${reference} (synthetic)`, source: 'scrutiny', source_ref: null, area_id: null, owner_person_id: values.owner ?? null, agency_id: null, forum_id: values.forum ?? null, challenge_id: null, due_date: values.due ?? '2027-03-31', status: values.status ?? 'in_progress', percent_complete: 20, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null })
      .execute();
    return id;
  }
  /** The person installs the app: the bot can reach them one to one. */
  async function reachable(personId: string): Promise<void> {
    const oid = randomUUID();
    await h.db.updateTable('people').set({ entra_object_id: oid, tenant_id: TENANT }).where('id', '=', personId).execute();
    await createRepositories(h.db).botConversations.install({ conversationId: `a:1${oid}`, conversationType: 'personal', tenantId: TENANT, serviceUrl: 'https://smba.example/uk/', botId: '28:bot', userAadObjectId: oid }, clock);
  }
  const requests = (chairId = p.people.subgroup_chair) =>
    h.db.selectFrom('evidence_requests').selectAll().where('partnership_id', '=', p.partnershipId).where('chair_person_id', '=', chairId).orderBy('created_at').orderBy('trigger_key').execute();
  const outboxKeys = async (prefix = 'evidence-request:') =>
    (await h.db.selectFrom('outbox_messages').select('idempotency_key').where('partnership_id', '=', p.partnershipId).where('idempotency_key', 'like', `${prefix}%`).orderBy('idempotency_key').execute()).map((r) => r.idempotency_key);
  const audits = async (action: string) => h.db.selectFrom('audit_log').select(['entity_id', 'detail', 'surface', 'actor_person_id']).where('partnership_id', '=', p.partnershipId).where('action', '=', action).execute();
  const linked = async (requestId: string) => (await h.db.selectFrom('evidence_request_actions').select('action_id').where('request_id', '=', requestId).execute()).map((r) => r.action_id).sort();
  const actionRow = (id: string) => h.db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const history = (id: string) => h.db.selectFrom('action_history').selectAll().where('action_id', '=', id).where('surface', '=', 'bot').execute();
  const evidence = (id: string) => h.db.selectFrom('action_evidence').selectAll().where('action_id', '=', id).execute();
  async function refusal(p: Promise<unknown>): Promise<ServiceError> {
    const e = await p.then(() => undefined, (error: unknown) => error);
    expect(e).toBeInstanceOf(ServiceError);
    return e as ServiceError;
  }

  beforeAll(async () => {
    h = await target.create();
  });
  afterAll(async () => h?.dispose());

  async function setUp(): Promise<void> {
    clock = MONDAY;
    p = await makePartnership(h.db);
    chair = { ...p.actors.subgroup_chair, surface: 'bot' };
    const subgroup = randomUUID();
    await h.db.insertInto('forums').values({ id: subgroup, partnership_id: p.partnershipId, name: 'Quality Assurance Subgroup', kind: 'subgroup', chair_person_id: chair.personId, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
    owned = await action('AUD-01', { owner: chair.personId });
    ofForum = await action('AUD-02', { owner: p.people.partner_member, forum: subgroup, status: 'not_started' });
    others = await action('SCR-01', { owner: p.people.partner_member, forum: p.forumId });
    signedOff = await action('AUD-00', { owner: chair.personId, status: 'complete' });
    secondChair = await person('subgroup_chair', 'Second chair');
    await action('EX-01', { owner: secondChair });
  }
  // Each test has its own partnership; removing it leaves the next nothing to step through.
  afterEach(async () => {
    await h.db.deleteFrom('partnerships').where('id', '=', p.partnershipId).execute();
  });

  it('makes one request per chair per period, about their open actions, and none twice, even from two instances at once', async () => {
    await setUp();
    await person('subgroup_chair', 'Chair with nothing to do');
    await reachable(chair.personId);
    const [a, b] = await Promise.all([scheduler().tick(), scheduler().tick()]);
    expect(a.created + b.created).toBe(2);

    const [mine] = await requests();
    expect(await requests()).toHaveLength(1);
    expect(mine).toMatchObject({ trigger: 'schedule', trigger_key: 'schedule:2026-11-23', status: 'sent', reminders_sent: 0, sent_at: MONDAY });
    expect(await linked(mine!.id)).toEqual([owned, ofForum].sort());
    expect(await requests(secondChair)).toEqual([expect.objectContaining({ status: 'sent', sent_at: null })]);
    // The chair who installed the app gets the card; the one who has not cannot be sent anything yet.
    expect(await outboxKeys()).toEqual([`evidence-request:${mine!.id}:request`]);
    const card = (await h.db.selectFrom('outbox_messages').select('payload').where('idempotency_key', '=', `evidence-request:${mine!.id}:request`).executeTakeFirstOrThrow()).payload as any;
    expect(card.attachments[0].content.actions[0]).toMatchObject({ verb: 'evidence.submit', data: { requestId: mine!.id } });

    clock = new Date(MONDAY.getTime() + 2 * DAY);
    await Promise.all([scheduler().tick(), scheduler().tick()]);
    expect(await requests()).toHaveLength(1);
    clock = new Date('2026-11-30T09:05:00Z');
    await scheduler().tick();
    expect((await requests()).map((r) => r.trigger_key)).toEqual(['schedule:2026-11-23', 'schedule:2026-11-30']);
    expect((await audits('evidence_request.create')).filter((e) => (e.detail as any).chairPersonId === chair.personId)).toHaveLength(2);
  });

  it('asks about an action nearing its due date once per action and due date', async () => {
    await setUp();
    const soon = await action('CR-02', { owner: chair.personId, due: '2026-11-28' });
    await action('CR-09', { owner: chair.personId, due: '2026-12-20' });
    await action('CR-08', { owner: chair.personId, due: '2026-11-27', status: 'proposed_complete' });
    await scheduler().tick();
    await scheduler().tick();
    const dueSoon = () => requests().then((rows) => rows.filter((r) => r.trigger === 'due_soon'));
    expect(await dueSoon()).toEqual([expect.objectContaining({ trigger_key: `due:${soon}:2026-11-28` })]);
    expect(await linked((await dueSoon())[0]!.id)).toEqual([soon]);
    // A new due date is a new occasion.
    await h.db.updateTable('actions').set({ due_date: '2026-11-29' }).where('id', '=', soon).execute();
    await scheduler().tick();
    expect((await dueSoon()).map((r) => r.trigger_key)).toEqual([`due:${soon}:2026-11-28`, `due:${soon}:2026-11-29`]);
    // Off when the setting is 0.
    await h.db.updateTable('actions').set({ due_date: '2026-11-30' }).where('id', '=', soon).execute();
    await scheduler({ ...SETTINGS, dueSoonDays: 0 }).tick();
    expect(await dueSoon()).toHaveLength(2);
  });

  it('records a submission in the tracker, its history and evidence, with an audit entry, and a repeat changes nothing', async () => {
    await setUp();
    await scheduler().tick();
    const [request] = await requests();
    clock = new Date(MONDAY.getTime() + DAY);
    const submissionId = randomUUID();
    const input = {
      [owned]: { status: 'proposed_complete', percent: '100', comment: 'Both cases re-audited; report to the subgroup in December.', evidence: LINK },
      [ofForum]: { status: 'in_progress', percent: '', comment: '', evidence: '' },
    };
    const result = await submissions().submit(chair, request!.id, submissionId, input);
    expect(result.repeated).toBe(false);
    expect(result.summary.changes).toEqual([
      expect.objectContaining({ reference: 'AUD-01', status: { from: 'in_progress', to: 'proposed_complete' }, percentComplete: { from: 20, to: 100 }, comment: true, evidence: { url: LINK, title: 'Re-audit report.pdf' } }),
      expect.objectContaining({ reference: 'AUD-02', status: { from: 'not_started', to: 'in_progress' } }),
    ]);

    expect(await actionRow(owned)).toMatchObject({ status: 'proposed_complete', percent_complete: 100, completion_proposed_by_id: chair.personId, completion_proposed_at: clock, updated_at: clock });
    expect(await actionRow(ofForum)).toMatchObject({ status: 'in_progress', percent_complete: 20, updated_at: clock });
    const [h1] = await history(owned);
    expect(h1).toMatchObject({ actor_id: chair.personId, surface: 'bot', at: clock, comment: 'Both cases re-audited; report to the subgroup in December.' });
    expect(h1!.changes).toMatchObject({ status: { from: 'in_progress', to: 'proposed_complete' }, percentComplete: { from: 20, to: 100 }, evidenceAdded: { url: LINK }, via: { evidenceRequestId: request!.id, submissionId } });
    expect(await history(ofForum)).toHaveLength(1);
    expect(await evidence(owned)).toEqual([expect.objectContaining({ url: LINK, title: 'Re-audit report.pdf', added_by_id: chair.personId })]);
    expect((await requests())[0]).toMatchObject({ status: 'answered', answered_at: clock, next_step_at: null });
    expect(await audits('evidence_request.submit')).toEqual([expect.objectContaining({ entity_id: request!.id, surface: 'bot', actor_person_id: chair.personId })]);
    expect(result.view.actions.find((a) => a.id === owned)).toMatchObject({ status: 'proposed_complete', evidence: [{ url: LINK, title: 'Re-audit report.pdf' }] });

    // Teams repeats the invoke: the same summary, nothing more written.
    clock = new Date(clock.getTime() + 60_000);
    const again = await submissions().submit(chair, request!.id, submissionId, input);
    expect(again).toMatchObject({ repeated: true, summary: result.summary });
    expect(await history(owned)).toHaveLength(1);
    expect(await evidence(owned)).toHaveLength(1);
    expect(await audits('evidence_request.submit')).toHaveLength(1);
    // A second, different answer is recorded as such; the same link is not added twice.
    const later = await submissions().submit(chair, request!.id, randomUUID(), { [owned]: { status: 'proposed_complete', evidence: LINK, comment: 'Report attached.' } });
    expect(later.summary.changes).toEqual([{ actionId: owned, reference: 'AUD-01', comment: true }]);
    expect(await evidence(owned)).toHaveLength(1);
    expect(await history(owned)).toHaveLength(2);
  });

  it('saves nothing when any part is refused: a link not on SharePoint, "complete", completion without evidence, a bad percentage', async () => {
    await setUp();
    await scheduler().tick();
    const [request] = await requests();
    const before = await Promise.all([actionRow(owned), actionRow(ofForum)]);
    const refused = await refusal(
      submissions().submit(chair, request!.id, randomUUID(), {
        [owned]: { status: 'in_progress', percent: '30', comment: 'Progressing.' },
        [ofForum]: { evidence: 'https://evil.example/sharepoint.com/report.pdf' },
      }),
    );
    expect(refused.kind).toBe('validation_failed');
    expect(refused.details).toEqual([{ path: `evidence:${ofForum}`, message: 'AUD-02: the evidence link must be on SharePoint (an address ending in .sharepoint.com), not evil.example.' }]);
    expect(await Promise.all([actionRow(owned), actionRow(ofForum)])).toEqual(before);
    expect(await history(owned)).toEqual([]);
    expect(await h.db.selectFrom('evidence_submissions').select('id').where('request_id', '=', request!.id).execute()).toEqual([]);
    expect((await requests())[0]).toMatchObject({ status: 'sent' });

    const many = await refusal(
      submissions().submit(chair, request!.id, randomUUID(), {
        [owned]: { status: 'complete', percent: '120' },
        [ofForum]: { status: 'proposed_complete', evidence: 'http://demoborough.sharepoint.com/x' },
      }),
    );
    expect(many.details?.map((d) => d.path).sort()).toEqual([`evidence:${ofForum}`, `percent:${owned}`, `status:${owned}`].sort());
    expect(many.details?.find((d) => d.path === `status:${owned}`)?.message).toMatch(/may not mark an action complete/);
    const noEvidence = await refusal(submissions().submit(chair, request!.id, randomUUID(), { [ofForum]: { status: 'proposed_complete' } }));
    expect(noEvidence.details).toEqual([{ path: `evidence:${ofForum}`, message: 'AUD-02: link the evidence in SharePoint before proposing completion.' }]);
    expect(await Promise.all([actionRow(owned), actionRow(ofForum)])).toEqual(before);
  });

  it('refuses a chair acting on actions that are not theirs, or on another chair\u2019s request', async () => {
    await setUp();
    await scheduler().tick();
    const [request] = await requests();
    const [theirs] = await requests(secondChair);
    expect((await refusal(submissions().submit(chair, request!.id, randomUUID(), { [others]: { status: 'proposed_complete', evidence: LINK } }))).kind).toBe('forbidden');
    expect((await refusal(submissions().submit(chair, request!.id, randomUUID(), { [signedOff]: { status: 'in_progress' } }))).kind).toBe('forbidden');
    expect((await refusal(submissions().submit(chair, theirs!.id, randomUUID(), {}))).kind).toBe('not_found');
    expect((await refusal(submissions().view(chair, theirs!.id))).kind).toBe('not_found');
    // Someone else now chairs the subgroup: its action is no longer this chair's to update.
    await h.db.updateTable('forums').set({ chair_person_id: secondChair }).where('name', '=', 'Quality Assurance Subgroup').where('partnership_id', '=', p.partnershipId).execute();
    const moved = await refusal(submissions().submit(chair, request!.id, randomUUID(), { [ofForum]: { status: 'in_progress' } }));
    expect(moved).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/^AUD-02: you neither own this action nor chair its forum/) });
    expect((await refusal(submissions().submit({ ...p.actors.business_manager, surface: 'bot' }, request!.id, randomUUID(), {}))).kind).toBe('forbidden');
    expect(await history(others)).toEqual([]);
    expect(await actionRow(ofForum)).toMatchObject({ status: 'not_started' });
  });

  it('reminds after the interval, then tells every business manager exactly once and marks the request escalated', async () => {
    await setUp();
    await reachable(chair.personId);
    const managers = [p.people.business_manager, await person('business_manager', 'Deputy business manager')];
    for (const m of managers) await reachable(m);
    await scheduler().tick();
    const [request] = await requests();
    const mine = () => outboxKeys(`evidence-request:${request!.id}:`);
    const at = async (days: number) => {
      clock = new Date(MONDAY.getTime() + days * DAY);
      await Promise.all([scheduler().tick(), scheduler().tick()]);
    };
    await at(2.9);
    expect(await mine()).toEqual([`evidence-request:${request!.id}:request`]);
    await at(3);
    expect(await mine()).toHaveLength(2);
    await at(5.5);
    await at(6);
    expect((await requests())[0]).toMatchObject({ reminders_sent: 2, status: 'sent' });
    await at(8.99);
    expect(await mine()).toEqual([`evidence-request:${request!.id}:reminder:1`, `evidence-request:${request!.id}:reminder:2`, `evidence-request:${request!.id}:request`]);
    await at(9);
    await at(12);
    await at(30);
    expect(await mine()).toEqual(
      [...managers.map((m) => `evidence-request:${request!.id}:escalation:${m}`), `evidence-request:${request!.id}:reminder:1`, `evidence-request:${request!.id}:reminder:2`, `evidence-request:${request!.id}:request`].sort(),
    );
    expect((await requests())[0]).toMatchObject({ status: 'escalated', escalated_at: new Date(MONDAY.getTime() + 9 * DAY), next_step_at: null });
    const escalations = (await audits('evidence_request.escalate')).filter((e) => e.entity_id === request!.id);
    expect(escalations).toEqual([expect.objectContaining({ surface: 'system', actor_person_id: null, detail: expect.objectContaining({ chairReached: true, notified: expect.arrayContaining(managers) }) })]);
    expect((await audits('evidence_request.remind')).filter((e) => e.entity_id === request!.id)).toHaveLength(2);
    const card = (await h.db.selectFrom('outbox_messages').select('payload').where('idempotency_key', '=', `evidence-request:${request!.id}:escalation:${managers[0]}`).executeTakeFirstOrThrow()).payload as any;
    expect(JSON.stringify(card)).toContain('has not answered the evidence request of Mon 23 November 2026, after 2 reminders.');
  });

  it('stops reminding once answered, and cancels a request with nothing left to ask about', async () => {
    await setUp();
    await reachable(chair.personId);
    await scheduler().tick();
    const [request] = await requests();
    const [theirs] = await requests(secondChair);
    await submissions().submit(chair, request!.id, randomUUID(), {});
    await h.db.updateTable('actions').set({ status: 'withdrawn' }).where('owner_person_id', '=', secondChair).execute();
    clock = new Date(MONDAY.getTime() + 3 * DAY);
    await scheduler().tick();
    expect(await outboxKeys(`evidence-request:${request!.id}:`)).toEqual([`evidence-request:${request!.id}:request`]);
    expect((await requests(secondChair)).find((r) => r.id === theirs!.id)).toMatchObject({ status: 'cancelled', next_step_at: null });
  });

  it('resumes after a restart, or a crash mid-step, without sending anything twice', async () => {
    await setUp();
    await reachable(chair.personId);
    await scheduler().tick();
    const [request] = await requests();
    const mine = () => outboxKeys(`evidence-request:${request!.id}:`);
    // A new instance on the same database, at the same moment: nothing to do.
    expect(await scheduler().tick()).toEqual({ created: 0, steps: 0, failed: 0 });

    // An instance dies after enqueueing the reminder, before its step is recorded: the transaction
    // holding both rolls back, and the next instance takes the step once.
    clock = new Date(MONDAY.getTime() + 3 * DAY);
    const failed: string[] = [];
    const crashing = new EvidenceRequestService({
      db: h.db,
      messages: evidenceRequestMessages,
      settings: SETTINGS,
      now: () => clock,
      outboxOn: (trx) => {
        const r = createRepositories(trx);
        const real = new OutboxService(r.outbox, r.botConversations, r.auditLog, () => clock);
        return {
          async enqueueToPerson(input) {
            await real.enqueueToPerson(input);
            throw new Error('the process died here');
          },
        };
      },
      onError: (_error, requestId) => failed.push(requestId),
    });
    await crashing.advanceDue();
    expect(failed).toContain(request!.id);
    expect(await mine()).toEqual([`evidence-request:${request!.id}:request`]);
    // A failed step waits an hour, so that it cannot hold up the others.
    expect((await requests())[0]!.next_step_at).toEqual(new Date(clock.getTime() + 3_600_000));
    clock = new Date(clock.getTime() + 3_600_000);
    await Promise.all([scheduler().tick(), scheduler().tick()]);
    expect(await mine()).toEqual([`evidence-request:${request!.id}:reminder:1`, `evidence-request:${request!.id}:request`]);

    // Had an earlier run enqueued the next reminder already (same key), the step finds it and sends nothing new.
    clock = new Date(clock.getTime() + 3 * DAY);
    const outbox = createRepositories(h.db);
    await new OutboxService(outbox.outbox, outbox.botConversations, outbox.auditLog, () => clock).enqueueToPerson({
      partnershipId: p.partnershipId,
      personId: chair.personId,
      idempotencyKey: `evidence-request:${request!.id}:reminder:2`,
      activity: { type: 'message', text: 'an earlier attempt' },
    });
    await scheduler().tick();
    expect((await mine()).filter((k) => k.endsWith(':reminder:2'))).toHaveLength(1);
    expect((await requests())[0]).toMatchObject({ reminders_sent: 2 });
  });
});
