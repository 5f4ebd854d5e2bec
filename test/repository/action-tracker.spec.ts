import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewAction } from '../../src/contract/actions.js';
import { ActionSignOffService } from '../../src/services/action-sign-off-service.js';
import { ActionTrackerService } from '../../src/services/action-tracker-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

const EVIDENCE = 'https://demo-borough.sharepoint.com/sites/scp/Shared%20Documents/QA/neglect-re-audit.docx';

describe.each(testDatabases())('the action tracker on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let tracker: ActionTrackerService;
  let signOff: ActionSignOffService;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  let police: string;
  let health: string;
  const now = () => new Date('2026-11-22T10:00:00Z');
  const action = (overrides: Partial<NewAction> = {}): NewAction => ({
    id: randomUUID(),
    title: 'Re-audit the two neglect cases judged inadequate.',
    source: 'audit',
    ownerPersonId: p.people.subgroup_chair,
    dueDate: '2026-12-15',
    ...overrides,
  });
  const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as { kind: string; message: string });

  beforeAll(async () => {
    h = await target.create();
    tracker = new ActionTrackerService(h.db, undefined, now);
    signOff = new ActionSignOffService(h.db, undefined, now);
    p = await makePartnership(h.db);
    other = await makePartnership(h.db);
    police = randomUUID();
    health = randomUUID();
    await h.db
      .insertInto('agencies')
      .values([
        { id: police, partnership_id: p.partnershipId, name: 'Police', kind: 'police', tenant_id: null },
        { id: health, partnership_id: p.partnershipId, name: 'Health', kind: 'health', tenant_id: null },
      ])
      .execute();
    // The subgroup chair works for the police; the partner member for health.
    await h.db.updateTable('people').set({ agency_id: police }).where('id', '=', p.people.subgroup_chair).execute();
    await h.db.updateTable('people').set({ agency_id: health }).where('id', '=', p.people.partner_member).execute();
  });
  afterAll(async () => h?.dispose());

  it('creates an action once however often it is sent, with a made reference and its owner\'s agency', async () => {
    const input = action({ areaId: p.areaIds[3] });
    const [a, b] = [await tracker.create(p.actors.business_manager, input), await tracker.create(p.actors.business_manager, input)];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ reference: expect.stringMatching(/^AUD-\d{2}$/), status: 'not_started', percentComplete: 0, agency: { id: police, name: 'Police' }, owner: { id: p.people.subgroup_chair }, rag: 'red', evidence: { count: 0, links: [] } });
    expect(a.area?.name).toBeTruthy();
    expect(a.lastUpdate).toMatchObject({ by: { id: p.people.business_manager } });
    const next = await tracker.create(p.actors.business_manager, action());
    expect(Number(next.reference.slice(4))).toBe(Number(a.reference.slice(4)) + 1);
    const taken = await rejection(tracker.create(p.actors.business_manager, action({ reference: a.reference })));
    expect(taken).toMatchObject({ kind: 'conflict' });
  });

  it('refuses what points outside the partnership, and roles that may not create', async () => {
    expect(await rejection(tracker.create(p.actors.scrutineer, action({ ownerPersonId: other.people.subgroup_chair })))).toMatchObject({ kind: 'validation_failed' });
    expect(await rejection(tracker.create(p.actors.scrutineer, action({ areaId: other.areaIds[0] })))).toMatchObject({ kind: 'validation_failed' });
    expect(await rejection(tracker.create(p.actors.scrutineer, action({ forumId: other.forumId })))).toMatchObject({ kind: 'validation_failed' });
    expect(await rejection(tracker.create(p.actors.subgroup_chair, action()))).toMatchObject({ kind: 'forbidden' });
  });

  it('lists every action with the tab\'s columns, and a partner only theirs, their agency\'s and their forums\'', async () => {
    const own = await tracker.create(p.actors.scrutineer, action({ ownerPersonId: p.people.partner_member, agencyId: null }));
    const agencys = await tracker.create(p.actors.scrutineer, action({ ownerPersonId: p.people.business_manager, agencyId: health }));
    const forums = await tracker.create(p.actors.scrutineer, action({ ownerPersonId: null, forumId: p.forumId }));
    const nobodys = await tracker.create(p.actors.scrutineer, action({ ownerPersonId: p.people.subgroup_chair, agencyId: police }));

    const all = await tracker.list(p.actors.scrutineer);
    expect(all.today).toBe('2026-11-22');
    expect(all.ragRule).toMatchObject({ redMaxPercent: 25, amberMaxPercent: 75, overdueRedBelowPercent: 50 });
    expect(all.actions.map((a) => a.id)).toEqual(expect.arrayContaining([own.id, agencys.id, forums.id, nobodys.id]));
    expect((await tracker.list(p.actors.read_only)).actions).toHaveLength(all.actions.length);

    const partner = (await tracker.list(p.actors.partner_member)).actions.map((a) => a.id);
    expect(partner).toEqual(expect.arrayContaining([own.id, agencys.id]));
    expect(partner).not.toContain(forums.id);
    expect(partner).not.toContain(nobodys.id);
    // The fixture's forum is chaired by the safeguarding partner, who reads all anyway.
    expect((await tracker.list(p.actors.safeguarding_partner)).actions).toHaveLength(all.actions.length);

    expect((await tracker.list(other.actors.scrutineer)).actions).toEqual([]);
    expect(await rejection(tracker.history(p.actors.partner_member, nobodys.id))).toMatchObject({ kind: 'not_found' });
    expect(await rejection(tracker.history(other.actors.scrutineer, own.id))).toMatchObject({ kind: 'not_found' });
  });

  it('records each inline change in the history: the fields old → new, who, where, and why', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    const edited = await tracker.update({ ...p.actors.scrutineer, surface: 'tab' }, a.id, {
      version: a.version,
      title: 'Re-audit both neglect cases with health present.',
      percentComplete: 60,
      status: 'in_progress',
      ownerPersonId: p.people.partner_member,
      agencyId: health,
      dueDate: '2026-11-20',
      comment: 'Agreed at the QA subgroup.',
    });
    expect(edited).toMatchObject({ status: 'in_progress', percentComplete: 60, overdue: true, rag: 'amber', owner: { id: p.people.partner_member }, agency: { name: 'Health' } });
    expect(edited.version).toBe(a.version + 1);
    expect(edited.lastUpdate).toMatchObject({ by: { id: p.people.scrutineer }, comment: 'Agreed at the QA subgroup.' });

    const history = await tracker.history(p.actors.scrutineer, a.id);
    expect(history.entries[0]).toMatchObject({
      by: { id: p.people.scrutineer },
      surface: 'tab',
      comment: 'Agreed at the QA subgroup.',
      changes: {
        title: { from: 'Re-audit the two neglect cases judged inadequate.', to: 'Re-audit both neglect cases with health present.' },
        percentComplete: { from: 0, to: 60 },
        status: { from: 'not_started', to: 'in_progress' },
        owner: { from: { id: p.people.subgroup_chair, name: 'subgroup_chair person' }, to: { id: p.people.partner_member, name: 'partner_member person' } },
        agency: { from: { id: police, name: 'Police' }, to: { id: health, name: 'Health' } },
        dueDate: { from: '2026-12-15', to: '2026-11-20' },
      },
    });
    expect(history.entries.at(-1)?.changes).toMatchObject({ created: { status: 'not_started' } });
    const audit = await new AuditLogRepository(h.db).list(p.partnershipId);
    expect(audit.find((e) => e.entityId === a.id && e.action === 'action.update')?.detail).toMatchObject({ fields: expect.arrayContaining(['title', 'owner']) });
  });

  it('refuses an edit made on a stale version with edit_conflict, naming who changed it, and writes nothing', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    await tracker.update(p.actors.business_manager, a.id, { version: a.version, percentComplete: 30, comment: 'Half the files pulled.' });
    const stale = await rejection(tracker.update(p.actors.scrutineer, a.id, { version: a.version, percentComplete: 80 }));
    expect(stale).toMatchObject({ kind: 'edit_conflict', message: expect.stringMatching(/changed by business_manager person \(tab\) on .* Nothing was saved/) });
    // Any writer raises the version, the bot's evidence requests included.
    await h.db.updateTable('actions').set({ percent_complete: 35 }).where('id', '=', a.id).execute();
    const fresh = (await tracker.list(p.actors.scrutineer)).actions.find((x) => x.id === a.id)!;
    expect(fresh).toMatchObject({ percentComplete: 35, version: a.version + 2 });
    expect(await rejection(tracker.update(p.actors.scrutineer, a.id, { version: a.version + 1, percentComplete: 80 }))).toMatchObject({ kind: 'edit_conflict' });
    expect((await tracker.update(p.actors.scrutineer, a.id, { version: fresh.version, percentComplete: 80 })).percentComplete).toBe(80);
  });

  it('refuses completion without evidence, and says why', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    const refused = await rejection(signOff.proposeComplete(p.actors.subgroup_chair, a.id, {}));
    expect(refused).toMatchObject({ kind: 'evidence_required', message: expect.stringMatching(/has no evidence attached.*no action is signed off without evidence/) });
    expect(await rejection(signOff.signOff(p.actors.scrutineer, a.id, {}))).toMatchObject({ kind: 'not_proposed' });
    // Proposed without evidence by another route (an import, say): sign-off still refuses.
    await h.db.updateTable('actions').set({ status: 'proposed_complete' }).where('id', '=', a.id).execute();
    expect(await rejection(signOff.signOff(p.actors.scrutineer, a.id, {}))).toMatchObject({ kind: 'evidence_required' });
    const list = (await tracker.list(p.actors.scrutineer)).actions.find((x) => x.id === a.id)!;
    expect(list.status).toBe('proposed_complete');
  });

  it('takes SharePoint evidence from the owner, once per link, and refuses other links and other people', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    const withEvidence = await signOff.addEvidence(p.actors.subgroup_chair, a.id, { url: EVIDENCE });
    expect(withEvidence.evidence).toMatchObject({ count: 1, links: [{ url: EVIDENCE, title: 'neglect-re-audit.docx' }] });
    expect((await signOff.addEvidence(p.actors.scrutineer, a.id, { url: EVIDENCE, title: 'Again' })).evidence.count).toBe(1);
    expect(await rejection(signOff.addEvidence(p.actors.scrutineer, a.id, { url: 'http://demo-borough.sharepoint.com/x.docx' }))).toMatchObject({ kind: 'validation_failed', message: expect.stringMatching(/https/) });
    expect(await rejection(signOff.addEvidence(p.actors.scrutineer, a.id, { url: 'https://example.org/report.pdf' }))).toMatchObject({ kind: 'validation_failed', message: expect.stringMatching(/SharePoint/) });
    // The police chair's colleague in health sees nothing of it; a partner who can see it but does not own it may not add.
    expect(await rejection(signOff.addEvidence(p.actors.partner_member, a.id, { url: EVIDENCE }))).toMatchObject({ kind: 'not_found' });
    const agencyAction = await tracker.create(p.actors.business_manager, action({ ownerPersonId: p.people.business_manager, agencyId: health }));
    expect(await rejection(signOff.addEvidence(p.actors.partner_member, agencyAction.id, { url: EVIDENCE }))).toMatchObject({ kind: 'forbidden' });
    expect(await rejection(signOff.addEvidence(p.actors.read_only, a.id, { url: EVIDENCE }))).toMatchObject({ kind: 'forbidden' });
    const history = await tracker.history(p.actors.scrutineer, a.id);
    expect(history.entries[0]?.changes).toEqual({ evidenceAdded: { url: EVIDENCE, title: 'neglect-re-audit.docx' } });
  });

  it('lets the owner propose completion, and the scrutineer sign it off', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    await signOff.addEvidence(p.actors.subgroup_chair, a.id, { url: EVIDENCE });
    expect(await rejection(signOff.proposeComplete(p.actors.partner_member, a.id, {}))).toMatchObject({ kind: 'not_found' });
    const proposed = await signOff.proposeComplete(p.actors.subgroup_chair, a.id, { comment: 'Both cases re-audited.' });
    expect(proposed).toMatchObject({ status: 'proposed_complete', completionProposed: { by: { id: p.people.subgroup_chair } } });
    expect((await signOff.proposeComplete(p.actors.subgroup_chair, a.id, {})).version).toBe(proposed.version);
    expect(await rejection(signOff.signOff(p.actors.subgroup_chair, a.id, {}))).toMatchObject({ kind: 'forbidden' });
    expect(await rejection(tracker.update(p.actors.business_manager, a.id, { version: proposed.version, status: 'in_progress' }))).toMatchObject({ kind: 'awaiting_sign_off' });

    const done = await signOff.signOff(p.actors.scrutineer, a.id, { comment: 'Evidence seen.' });
    expect(done).toMatchObject({ status: 'complete', percentComplete: 100, rag: 'green', signedOff: { by: { id: p.people.scrutineer } } });
    expect(await rejection(signOff.signOff(p.actors.business_manager, a.id, {}))).toMatchObject({ kind: 'not_proposed', message: expect.stringMatching(/already signed off/) });
    expect(await rejection(tracker.update(p.actors.business_manager, a.id, { version: done.version, title: 'Changed after sign-off' }))).toMatchObject({ kind: 'action_closed' });
    const audit = (await new AuditLogRepository(h.db).list(p.partnershipId)).filter((e) => e.entityId === a.id).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['action.create', 'action.add_evidence', 'action.propose_complete', 'action.sign_off']));
  });

  it('lets a business manager sign off, but never their own action: that is the scrutineer\'s', async () => {
    const a = await tracker.create(p.actors.scrutineer, action());
    await signOff.addEvidence(p.actors.subgroup_chair, a.id, { url: EVIDENCE });
    await signOff.proposeComplete(p.actors.subgroup_chair, a.id, {});
    expect((await signOff.signOff(p.actors.business_manager, a.id, {})).signedOff?.by?.id).toBe(p.people.business_manager);

    const own = await tracker.create(p.actors.scrutineer, action({ ownerPersonId: p.people.business_manager }));
    await signOff.addEvidence(p.actors.business_manager, own.id, { url: EVIDENCE });
    await signOff.proposeComplete(p.actors.business_manager, own.id, {});
    const refused = await rejection(signOff.signOff(p.actors.business_manager, own.id, {}));
    expect(refused).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/You own .*someone else/) });
    expect((await signOff.signOff(p.actors.scrutineer, own.id, {})).status).toBe('complete');
  });

  it('declines a sign-off with a reason: back to in progress, the reason in the history', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    await signOff.addEvidence(p.actors.subgroup_chair, a.id, { url: EVIDENCE });
    await signOff.proposeComplete(p.actors.subgroup_chair, a.id, {});
    const declined = await signOff.declineSignOff(p.actors.scrutineer, a.id, { reason: 'The re-audit covers one case, not both.' });
    expect(declined).toMatchObject({ status: 'in_progress', completionProposed: null, lastUpdate: { comment: 'The re-audit covers one case, not both.' } });
    const history = await tracker.history(p.actors.subgroup_chair, a.id);
    expect(history.entries[0]).toMatchObject({ changes: { status: { from: 'proposed_complete', to: 'in_progress' }, signOff: 'declined' }, comment: 'The re-audit covers one case, not both.' });
    expect(await rejection(signOff.declineSignOff(p.actors.scrutineer, a.id, { reason: 'Again' }))).toMatchObject({ kind: 'not_proposed' });
  });

  it('refuses every change to an action from another partnership as not found', async () => {
    const a = await tracker.create(p.actors.business_manager, action());
    await signOff.addEvidence(p.actors.subgroup_chair, a.id, { url: EVIDENCE });
    await signOff.proposeComplete(p.actors.subgroup_chair, a.id, {});
    const them = other.actors;
    for (const attempt of [
      () => tracker.update(them.scrutineer, a.id, { version: 1, title: 'Hijacked' }),
      () => tracker.history(them.scrutineer, a.id),
      () => signOff.addEvidence(them.business_manager, a.id, { url: EVIDENCE }),
      () => signOff.signOff(them.scrutineer, a.id, {}),
      () => signOff.declineSignOff(them.business_manager, a.id, { reason: 'No' }),
    ]) {
      expect(await rejection(attempt())).toMatchObject({ kind: 'not_found' });
    }
    expect(await rejection(tracker.create(them.business_manager, { ...action(), id: a.id, ownerPersonId: other.people.subgroup_chair }))).toMatchObject({ kind: 'conflict' });
    expect((await tracker.list(p.actors.scrutineer)).actions.find((x) => x.id === a.id)?.status).toBe('proposed_complete');
  });

  it('lists 5,000 actions in one query', async () => {
    const big = await makePartnership(h.db);
    const agency = randomUUID();
    await h.db.insertInto('agencies').values({ id: agency, partnership_id: big.partnershipId, name: 'Council', kind: 'local_authority', tenant_id: null }).execute();
    const statuses = ['not_started', 'in_progress', 'proposed_complete', 'complete', 'withdrawn'] as const;
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const rows = Array.from({ length: 500 }, (_, i) => {
        const n = batch * 500 + i;
        const id = randomUUID();
        ids.push(id);
        return {
          id,
          partnership_id: big.partnershipId,
          reference: `BIG-${String(n).padStart(4, '0')}`,
          title: `Synthetic action ${n}`,
          source: 'audit' as const,
          source_ref: null,
          area_id: big.areaIds[n % big.areaIds.length]!,
          owner_person_id: big.people.subgroup_chair,
          agency_id: agency,
          forum_id: big.forumId,
          challenge_id: null,
          due_date: `2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
          status: statuses[n % 5]!,
          percent_complete: n % 101,
          completion_proposed_by_id: null,
          completion_proposed_at: null,
          signed_off_by_id: null,
          signed_off_at: null,
        };
      });
      await h.db.insertInto('actions').values(rows).execute();
      await h.db
        .insertInto('action_history')
        .values(rows.map((r) => ({ id: randomUUID(), partnership_id: big.partnershipId, action_id: r.id, actor_id: big.people.business_manager, surface: 'system' as const, changes: '{"created":{}}', comment: 'Imported' })))
        .execute();
      await h.db
        .insertInto('action_evidence')
        .values(rows.filter((_, i) => i % 3 === 0).map((r) => ({ id: randomUUID(), partnership_id: big.partnershipId, action_id: r.id, url: EVIDENCE, title: 'Evidence' })))
        .execute();
    }
    await tracker.list(big.actors.scrutineer); // warm
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const list = await tracker.list(big.actors.scrutineer);
      times.push(performance.now() - t0);
      expect(list.actions).toHaveLength(5000);
    }
    const ms = Math.min(...times);
    console.log(`[${target.kind}] listing 5,000 actions: best ${ms.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    const own = await tracker.list(big.actors.subgroup_chair);
    expect(own.actions).toHaveLength(5000);
    expect(own.actions.filter((a) => a.evidence.count === 1)).toHaveLength(1670);
    expect(ms).toBeLessThan(5000);
  });
});
