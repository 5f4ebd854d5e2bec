/** The Word document a report becomes, read back with mammoth as a reader's tools would. */
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardArea } from '../../src/contract/dashboard.js';
import { ReportDraft } from '../../src/contract/reports.js';
import { DEFAULT_RAG_THRESHOLDS } from '../../src/domain/action-rag.js';
import { parsePaperSubEntityId, parseTeamsDeepLink, tabContentUrl } from '../../src/domain/deep-links.js';
import { parseScrutinyPeriod } from '../../src/domain/scrutiny-period.js';
import { areaRag } from '../../src/reports/area-rag.js';
import { assembleDraft } from '../../src/reports/assemble-draft.js';
import { buildReportDocx } from '../../src/reports/report-docx.js';
import type { ReportEvidenceRows } from '../../src/storage/repositories/report-evidence-repository.js';
import { readDocx } from '../support/report-docx-reader.js';

const ids = {
  a1: '11111111-1111-4111-8111-111111111111',
  a2: '22222222-2222-4222-8222-222222222222',
  a3: '33333333-3333-4333-8333-333333333333',
  doc: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  o1: 'a0000000-0000-4000-8000-000000000001',
  o2: 'a0000000-0000-4000-8000-000000000002',
  o3: 'a0000000-0000-4000-8000-000000000003',
  c1: 'c0000000-0000-4000-8000-000000000001',
  x1: 'e0000000-0000-4000-8000-000000000001',
  e1: 'f0000000-0000-4000-8000-000000000001',
  draft: '99999999-9999-4999-8999-999999999999',
};
const zero = { red: 0, amber: 0, green: 0 };
const area = (areaId: string, title: string, observations = { gone_well: 0, too_early: 0, concern: 0 }): DashboardArea => ({
  areaId,
  key: title.toLowerCase(),
  title,
  quarters: [{ quarter: '2026-Q3', assessment: null, actions: zero }],
  undatedActions: zero,
  observations,
  evidence: { sharedObservations: 0, voiceOfChildrenAndFamilies: 0, annotations: 0, assessments: 0, actionsUpdated: 0 },
  blindSpot: Object.values(observations).every((n) => n === 0),
  noVoiceOfChildrenAndFamilies: true,
});
const workPlan: Dashboard['workPlan'] = {
  scrutinyYear: 2026,
  budgetDays: 24,
  plannedDays: 8,
  usedDays: 4.5,
  remainingDays: 19.5,
  period: { plannedDays: 2, usedDays: 1.5 },
  byQuarter: [1, 2, 3, 4].map((q) => ({ scrutinyQuarter: q, quarter: `2026-Q${q}`, plannedDays: 2, usedDays: q < 4 ? 1.5 : 0 })),
  byKind: [{ kind: 'observe_meeting', plannedDays: 8, usedDays: 4.5 }],
};
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const observation = (id: string, body: string, judgement: 'gone_well' | 'too_early' | 'concern', areaIds: string[], extra: Partial<ReportEvidenceRows['observations'][number]> = {}) => ({
  id,
  authorId: 'author',
  body,
  judgement,
  evidenceType: 'meeting_observation' as const,
  visibility: 'shared' as const,
  observedAt: at('2026-08-10'),
  updatedAt: at('2026-08-10'),
  forumName: 'Executive',
  documentId: null,
  documentTitle: null,
  areaIds,
  ...extra,
});

const rows: ReportEvidenceRows = {
  observations: [
    observation(ids.o1, 'Chair held partners to account.', 'gone_well', [ids.a1]),
    observation(ids.o2, 'Audit sample too small.', 'concern', [ids.a1, ids.a2], { evidenceType: 'voice_of_practitioners' }),
    observation(ids.o3, 'MY PRIVATE NOTE about the sample.', 'concern', [ids.a2], { visibility: 'private' }),
  ],
  annotations: [{ observationId: ids.o2, challengeId: null, documentId: ids.doc, documentTitle: 'QA report', page: 2, quote: 'timely strategy discussions' }],
  challenges: [
    { id: ids.c1, question: 'How will timeliness be shown?', status: 'accepted', dueDate: '2026-09-30', outcome: 'Dip sample agreed.', impact: 'Timeliness rose to 85%.', raisedAt: at('2026-08-12'), addressee: 'Police lead', forumName: 'Executive', answers: [{ at: at('2026-08-20'), author: 'Police lead', text: 'Ten cases a month.' }] },
  ],
  actions: [{ id: ids.x1, reference: 'SC-1', title: 'Publish the audit timetable', source: 'scrutiny', status: 'in_progress', percentComplete: 60, dueDate: '2026-09-15', updatedAt: at('2026-08-01'), areaId: ids.a1, owner: 'Business manager', agency: 'Council', forumName: null }],
  escalations: [{ id: ids.e1, title: 'Threshold disagreement', status: 'in_resolution', resolution: null, raisedAt: at('2026-08-30'), parties: ['Police', 'Council'] }],
  assessments: [],
};

function draftOf(r: ReportEvidenceRows, choices = new Map<string, boolean>()) {
  const period = parseScrutinyPeriod('2026-Q3')!;
  return assembleDraft({
    draft: { id: ids.draft, kind: 'quarterly', version: 3, updatedAt: at('2026-10-02') },
    period,
    today: '2026-10-02',
    ragThresholds: DEFAULT_RAG_THRESHOLDS,
    areas: [area(ids.a1, 'Leadership', { gone_well: 1, too_early: 0, concern: 1 }), area(ids.a2, 'Engagement of relevant agencies', { gone_well: 0, too_early: 0, concern: 1 }), area(ids.a3, 'Learning from reviews')],
    workPlan,
    rows: r,
    narratives: [{ key: 'introduction', narrative: 'This quarter the partnership met four times.\n\nA second paragraph.', version: 2, updatedAt: at('2026-10-01') }],
    choices,
    snapshot: null,
    lastGenerated: null,
    paperLink: (paper) => tabContentUrl('https://los.example.org', 'papers', paper),
  });
}

describe('the report document', () => {
  it('assembles a draft the contract accepts', () => {
    expect(() => ReportDraft.parse(draftOf(rows))).not.toThrow();
  });

  it('has a title, a contents page linking to every section, and a heading for every section and checklist area', async () => {
    const draft = draftOf(rows);
    const doc = await readDocx(await buildReportDocx({ draft, partnershipName: 'Demo Borough Safeguarding Children Partnership', generatedAt: at('2026-10-02') }));
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toEqual(['Contents', ...draft.sections.map((s) => s.title)]);
    for (const title of ['Leadership', 'Engagement of relevant agencies', 'Learning from reviews']) expect(h1).toContain(title);
    expect(doc.text).toContain('Quarterly progress report');
    expect(doc.text).toContain('Demo Borough Safeguarding Children Partnership');
    // Each contents entry is an internal link to a bookmark that exists on its heading.
    const internal = doc.links.filter((l) => l.href.startsWith('#'));
    expect(internal.map((l) => l.text)).toEqual(draft.sections.map((s) => s.title));
    for (const l of internal) expect(doc.anchors).toContain(l.href.slice(1));
    // Judgement groups under each area.
    expect(doc.headings.filter((h) => h.text === 'What has gone well')).toHaveLength(3);
    expect(doc.headings.filter((h) => h.text === 'Concern that needs addressing')).toHaveLength(3);
    expect(doc.text).toContain('A second paragraph.');
    expect(doc.tables).toBeGreaterThanOrEqual(5);
  });

  it("links each piece of evidence to the page of its paper, and cites forum and date", async () => {
    const doc = await readDocx(await buildReportDocx({ draft: draftOf(rows), partnershipName: 'P', generatedAt: at('2026-10-02') }));
    const paperLinks = doc.links.filter((l) => !l.href.startsWith('#'));
    expect(paperLinks.length).toBeGreaterThan(0);
    for (const l of paperLinks) {
      expect(l.text).toBe('QA report, page 2');
      expect(new URL(l.href).hash).toBe(`#/papers?documentId=${ids.doc}&page=2`);
    }
    expect(doc.text).toContain('Audit sample too small. (Executive, 10 August 2026; QA report, page 2)');
  });

  it('links into Teams when the app id is known, to the same paper page', async () => {
    const { paperDeepLink } = await import('../../src/domain/deep-links.js');
    const period = parseScrutinyPeriod('2026-Q3')!;
    const draft = assembleDraft({
      ...{ draft: { id: ids.draft, kind: 'quarterly' as const, version: 1, updatedAt: at('2026-10-02') }, period, today: '2026-10-02', ragThresholds: DEFAULT_RAG_THRESHOLDS },
      areas: [area(ids.a1, 'Leadership')],
      workPlan,
      rows,
      narratives: [],
      choices: new Map(),
      snapshot: null,
      lastGenerated: null,
      paperLink: (paper, label) => paperDeepLink({ appId: 'app-id', entityId: 'papers', base: 'https://los.example.org', label, paper }),
    });
    const doc = await readDocx(await buildReportDocx({ draft, partnershipName: 'P', generatedAt: at('2026-10-02') }));
    const link = doc.links.find((l) => l.href.startsWith('https://teams.microsoft.com/'))!;
    expect(parsePaperSubEntityId(parseTeamsDeepLink(link.href)!.subEntityId)).toEqual({ documentId: ids.doc, page: 2 });
  });

  it('never writes a private observation, and leaves out what the scrutineer chose to leave out', async () => {
    const draft = draftOf(rows, new Map([[`action:${ids.x1}`, false]]));
    // Even a draft that (wrongly) marks the private note as included must not put it in the document.
    const forced = { ...draft, sections: draft.sections.map((s) => ({ ...s, evidence: s.evidence.map((e) => (e.private ? { ...e, included: true } : e)) })) };
    const doc = await readDocx(await buildReportDocx({ draft: forced, partnershipName: 'P', generatedAt: at('2026-10-02') }));
    expect(doc.text).not.toContain('MY PRIVATE NOTE');
    expect(doc.text).not.toContain('Publish the audit timetable');
    expect(doc.text).toContain('How will timeliness be shown?');
    expect(doc.text).toContain('Timeliness rose to 85%.');
    expect(doc.text).toContain('Threshold disagreement');
  });

  it('writes what people typed as text: markup and links in it stay inert', async () => {
    const payloads = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '[click](javascript:alert(1))', '"><svg onload=alert(1)>', '&lt;b&gt;&amp;'];
    const hostile: ReportEvidenceRows = {
      ...rows,
      observations: payloads.map((p, i) => observation(`a0000000-0000-4000-8000-00000000010${i}`, `Said ${p}`, 'concern', [ids.a1], { forumName: `Forum ${p}` })),
      annotations: [{ observationId: 'a0000000-0000-4000-8000-000000000100', challengeId: null, documentId: ids.doc, documentTitle: payloads[0]!, page: 2, quote: payloads[1]! }],
    };
    const draft = draftOf(hostile);
    const withNarrative = { ...draft, sections: draft.sections.map((s, i) => (i === 0 ? { ...s, narrative: payloads.join('\n') } : s)) };
    const doc = await readDocx(await buildReportDocx({ draft: withNarrative, partnershipName: payloads[3]!, generatedAt: at('2026-10-02') }));
    for (const p of payloads) expect(doc.text).toContain(p);
    // mammoth turns the document into HTML: no payload became an element or an attribute there.
    const tags = doc.html.match(/<[^>]+>/g) ?? [];
    expect(tags.filter((t) => /^<\/?(img|script|svg)\b/i.test(t) || /\son\w+=/i.test(t))).toEqual([]);
    // The only links are the contents' bookmarks and the paper page links the document makes itself.
    for (const l of doc.links) expect(l.href.startsWith('#') || l.href.startsWith('https://los.example.org/')).toBe(true);
  });

  it('says there is no evidence for an empty period, and still has every area', async () => {
    const empty = draftOf({ observations: [], annotations: [], challenges: [], actions: [], escalations: [], assessments: [] });
    expect(empty.empty).toBe(true);
    const doc = await readDocx(await buildReportDocx({ draft: empty, partnershipName: 'P', generatedAt: at('2026-10-02') }));
    expect(doc.text).toContain('There is no evidence for this period');
    for (const title of ['Leadership', 'Engagement of relevant agencies', 'Learning from reviews']) expect(doc.headings.map((h) => h.text)).toContain(title);
  });
});

describe('an area RAG for a report', () => {
  const none = { gone_well: 0, too_early: 0, concern: 0 };
  it("takes the scrutineer's assessment and its rationale first", () => {
    const r = areaRag({ assessment: { rag: 'amber', rationale: 'Improving but not yet embedded.', periodStart: '2026-07-01', periodEnd: '2026-09-30' }, observations: none, actions: zero });
    expect(r).toMatchObject({ rag: 'amber', basis: 'assessment' });
    expect(r.rationale).toContain('Improving but not yet embedded.');
  });
  it('suggests one from the evidence otherwise, and none without evidence', () => {
    expect(areaRag({ assessment: null, observations: { gone_well: 3, too_early: 0, concern: 0 }, actions: zero }).rag).toBe('green');
    expect(areaRag({ assessment: null, observations: { gone_well: 1, too_early: 0, concern: 2 }, actions: { red: 1, amber: 0, green: 0 } }).rag).toBe('red');
    expect(areaRag({ assessment: null, observations: { gone_well: 2, too_early: 1, concern: 1 }, actions: zero }).rag).toBe('amber');
    expect(areaRag({ assessment: null, observations: { gone_well: 0, too_early: 2, concern: 0 }, actions: zero }).rag).toBe('amber');
    expect(areaRag({ assessment: null, observations: none, actions: zero })).toMatchObject({ rag: null, basis: 'none' });
  });
});
