/**
 * Part 2, crash: 1,000 writes at once (observations, as a scrutineer types them in a meeting, and challenges
 * to the police lead), the server killed with SIGKILL while they are being acknowledged, then started again
 * on the same data. On each database:
 * - every write the server acknowledged (201) is there after the restart, as it was sent;
 * - no record is partial: an observation has all its checklist areas and its audit entry, a challenge its
 *   question and its audit entry, and nothing is audited that is not there;
 * - the writes that were not acknowledged, sent again with the same ids (as the side panel's queue does),
 *   are all taken, once: afterwards every one of the 1,000 is there exactly once.
 * Run: node --import tsx test/reliability/crash.ts
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../src/storage/connect.js';
import { Client, demoPeople } from './support/client.js';
import { count, runPart, table } from './support/report.js';
import { onEachDatabase, readDatabase, startServer, type Target } from './support/server-under-test.js';

const WRITES = Number(process.env.RELIABILITY_CRASH_WRITES ?? 1000);
/** Every seventh write is a challenge. */
const CHALLENGE_EVERY = 7;
const challengeCount = Math.ceil(WRITES / CHALLENGE_EVERY);

interface Write {
  kind: 'observation' | 'challenge';
  id: string;
  path: string;
  body: Record<string, unknown>;
  /** What the server answered before the kill: its status, or undefined (no answer). */
  status?: number;
}

interface Check {
  present: number;
  acknowledgedMissing: string[];
  partial: string[];
  auditedButMissing: string[];
}

/** Reads back every write from the database: present, as sent, complete. */
async function check(db: DatabaseHandle, writes: Write[]): Promise<Check> {
  const obsIds = writes.filter((w) => w.kind === 'observation').map((w) => w.id);
  const chIds = writes.filter((w) => w.kind === 'challenge').map((w) => w.id);
  const observations = new Map((await db.db.selectFrom('observations').select(['id', 'body']).where('id', 'in', obsIds).execute()).map((r) => [r.id, r]));
  const areas = new Map<string, string[]>();
  for (const r of await db.db.selectFrom('observation_areas').select(['observation_id', 'area_id']).where('observation_id', 'in', obsIds).execute()) {
    areas.set(r.observation_id, [...(areas.get(r.observation_id) ?? []), r.area_id]);
  }
  const challenges = new Map((await db.db.selectFrom('challenges').select(['id', 'question', 'addressee_person_id']).where('id', 'in', chIds).execute()).map((r) => [r.id, r]));
  const audited = new Map<string, number>();
  for (const r of await db.db.selectFrom('audit_log').select(['entity_id', 'action']).where('entity_id', 'in', [...obsIds, ...chIds]).where('action', 'in', ['observation.create', 'challenge.raise']).execute()) {
    audited.set(r.entity_id!, (audited.get(r.entity_id!) ?? 0) + 1);
  }
  const out: Check = { present: 0, acknowledgedMissing: [], partial: [], auditedButMissing: [] };
  for (const w of writes) {
    const acknowledged = w.status === 201 || w.status === 200;
    if (w.kind === 'observation') {
      const row = observations.get(w.id);
      if (!row) {
        if (acknowledged) out.acknowledgedMissing.push(`observation ${w.id}`);
        if (audited.has(w.id)) out.auditedButMissing.push(`observation ${w.id}`);
        continue;
      }
      out.present++;
      const want = [...(w.body.areaIds as string[])].sort().join();
      const got = [...(areas.get(w.id) ?? [])].sort().join();
      if (row.body !== w.body.body) out.partial.push(`observation ${w.id}: body differs`);
      if (got !== want) out.partial.push(`observation ${w.id}: areas ${got || 'none'} instead of ${want}`);
      if (audited.get(w.id) !== 1) out.partial.push(`observation ${w.id}: ${audited.get(w.id) ?? 0} audit entries`);
    } else {
      const row = challenges.get(w.id);
      if (!row) {
        if (acknowledged) out.acknowledgedMissing.push(`challenge ${w.id}`);
        if (audited.has(w.id)) out.auditedButMissing.push(`challenge ${w.id}`);
        continue;
      }
      out.present++;
      if (row.question !== w.body.question || row.addressee_person_id !== w.body.addresseePersonId) out.partial.push(`challenge ${w.id}: not as sent`);
      if (audited.get(w.id) !== 1) out.partial.push(`challenge ${w.id}: ${audited.get(w.id) ?? 0} audit entries`);
    }
  }
  return out;
}

const inspect = (target: Target, writes: Write[]): Promise<Check> => readDatabase(target, (db) => check(db, writes));

await runPart('crash', `Crash: kill -9 during ${count(WRITES)} concurrent acknowledged writes`, async () => {
  const { rows, failures, summary } = await onEachDatabase(async (target, label, { rows, failures, summary }) => {
    let server = await startServer(target, {}, 'crash');
    let client = new Client(server.url, WRITES);
    const { partnershipId, byRole } = await demoPeople(client);
    const P = `/api/v1/partnerships/${partnershipId}`;
    const scrutineer = byRole('scrutineer')[0]!.id;
    const police = byRole('safeguarding_partner').find((p) => /police|Adeyemi/i.test(p.name)) ?? byRole('safeguarding_partner')[0]!;
    const { areas } = await client.json<{ areas: { id: string }[] }>('GET', `${P}/checklist`, { as: scrutineer });
    const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const writes: Write[] = Array.from({ length: WRITES }, (_, i) => {
      const id = randomUUID();
      if (i % CHALLENGE_EVERY === 0) {
        return { kind: 'challenge', id, path: `${P}/challenges`, body: { id, question: `Please share the dip sample of strategy discussions for the quarter (${i}).`, addresseePersonId: police.id, dueDate: due } };
      }
      const n = 1 + (i % 3);
      return {
        kind: 'observation',
        id,
        path: `${P}/observations`,
        body: { id, body: `Observation ${i}: the police lead could not say how many strategy discussions were held in time.`, judgement: 'concern', evidenceType: 'meeting_observation', areaIds: areas.slice(i % (areas.length - n), (i % (areas.length - n)) + n).map((a) => a.id) },
      };
    });

    // All at once; the kill comes when about a third have been acknowledged.
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    const killAt = Math.floor(WRITES / 3);
    const pid = server.pid;
    await Promise.all(
      writes.map(async (w) => {
        const a = await client.send('POST', w.path, { as: scrutineer, json: w.body, timeoutMs: 120_000 });
        if (a.status) w.status = a.status;
        if (a.status === 201 && ++acknowledged >= killAt && !killed) killed = server.kill9();
      }),
    );
    if (!killed) killed = server.kill9();
    await killed;
    client.close();
    const ackedBeforeKill = writes.filter((w) => w.status === 201).length;
    const refused = writes.filter((w) => w.status !== undefined && w.status !== 201);

    // Start again on the same data: recovery, then read back.
    const t0 = performance.now();
    server = await startServer(target, {}, 'crash-restart');
    const restartSeconds = (performance.now() - t0) / 1000;
    await server.stop();
    const afterCrash = await inspect(target, writes);

    // The writes that got no answer, sent again with the same ids.
    server = await startServer(target, {}, 'crash-resend');
    client = new Client(server.url, 50);
    const unanswered = writes.filter((w) => w.status !== 201);
    const resent = await Promise.all(unanswered.map((w) => client.send('POST', w.path, { as: scrutineer, json: w.body })));
    const resendRefused = resent.filter((a) => a.status !== 201 && a.status !== 200);
    for (const [i, a] of resent.entries()) unanswered[i]!.status = a.status;
    client.close();
    await server.stop();
    const afterResend = await inspect(target, writes);

    rows.push([
      label,
      pid,
      count(ackedBeforeKill),
      count(WRITES - ackedBeforeKill - refused.length),
      count(afterCrash.present),
      afterCrash.acknowledgedMissing.length,
      afterCrash.partial.length + afterCrash.auditedButMissing.length,
      `${restartSeconds.toFixed(1)} s`,
      `${count(afterResend.present)} / ${count(WRITES)}`,
      afterResend.partial.length + afterResend.auditedButMissing.length,
    ]);
    const problems = [
      ...refused.map((w) => `${w.kind} ${w.id} answered ${w.status} before the kill`),
      ...afterCrash.acknowledgedMissing.map((x) => `acknowledged but lost: ${x}`),
      ...afterCrash.partial.map((x) => `partial after the crash: ${x}`),
      ...afterCrash.auditedButMissing.map((x) => `audited but absent after the crash: ${x}`),
      ...resendRefused.map((a) => `a resend answered ${a.status || a.error}: ${a.text.slice(0, 200)}`),
      ...(afterResend.present === WRITES ? [] : [`after resending, ${afterResend.present} of ${WRITES} are present`]),
      ...afterResend.partial.map((x) => `partial after resending: ${x}`),
    ];
    if (problems.length > 0) failures.push(`${label}: ${problems.length} problems (first: ${problems.slice(0, 3).join(' | ')})`);
    summary.push(
      `crash, ${label}: ${count(ackedBeforeKill)} acknowledged before kill -9, ${afterCrash.acknowledgedMissing.length} lost, ` +
        `${afterCrash.partial.length + afterCrash.auditedButMissing.length} partial; after resending the rest ${afterResend.present}/${WRITES} present`,
    );
  });
  return {
    failures,
    summary,
    markdown:
      `${count(WRITES)} POSTs at once (${count(WRITES - challengeCount)} observations with 1–3 checklist areas, ${count(challengeCount)} challenges to the police lead); SIGKILL once a third were acknowledged; ` +
      'then a restart on the same data, a read-back from the database, and the unanswered writes sent again with the same ids.\n\n' +
      table(['database', 'killed pid', 'acknowledged (201)', 'no answer', 'present after restart', 'acknowledged but lost', 'partial records', 'restart', 'present after resending', 'partial after resending'], rows),
  };
});
