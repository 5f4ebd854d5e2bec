/**
 * The report as a Word document, built from a draft. Pure: bytes out, nothing read or written.
 *
 * Only evidence that is included and shared goes in: a private observation is never written, even the
 * author's own, because the document is saved to the partnership's library. The contents page is a list
 * of internal links to a bookmark on each section's heading, so it works (and reads back) without Word
 * having to update a field; each piece of evidence cites its forum and date and links to the page of the
 * paper it rests on.
 */
import {
  AlignmentType, Bookmark, Document, ExternalHyperlink, Footer, HeadingLevel, InternalHyperlink, Packer, PageBreak, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild,
} from 'docx';
import type { ReportDraft, ReportEvidence, ReportSection } from '../contract/reports.js';
import { ACTION_SOURCE_LABELS, EVIDENCE_TYPE_LABELS, JUDGEMENT_LABELS } from '../domain/vocabulary.js';

export interface ReportDocxInput {
  draft: ReportDraft;
  partnershipName: string;
  generatedAt: Date;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-05-14" → "14 May 2026". */
export const ukLongDate = (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`));
const ukLongDateOf = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(at);

/** "follow_up" → "Follow up". */
const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
const BASIS_WORDS = { assessment: "the scrutineer's assessment", evidence: 'suggested from the evidence', none: 'no evidence' } as const;

/** The evidence that may go into a shared document. */
export const inDocument = (e: ReportEvidence) => e.included && !e.private;

/** Bookmark names: a letter first, at most 40 characters, no spaces (Word's rules). */
export const sectionBookmark = (index: number) => `section_${String(index + 1).padStart(2, '0')}`;

const text = (value: string, bold = false) => new TextRun({ text: value, bold });

function cell(children: Paragraph[] | string, header = false): TableCell {
  const paragraphs = typeof children === 'string' ? [new Paragraph({ children: [text(children, header)] })] : children;
  return new TableCell({ children: paragraphs, shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined });
}

function table(header: string[], rows: (Paragraph[] | string)[][]): FileChild[] {
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
    }),
    new Paragraph({ text: '' }), // Word needs a paragraph between a table and what follows
  ];
}

/** The scrutineer's words, a paragraph per blank-line-separated block. */
function narrative(value: string): Paragraph[] {
  return value
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => new Paragraph({ children: block.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })), spacing: { after: 120 } }));
}

/** "(Executive, 14 May 2026; Paper title, page 3)" with each paper page a link. */
function citation(e: ReportEvidence): ParagraphChild[] {
  const facts = [e.forum, ukLongDate(e.date)].filter(Boolean).join(', ');
  const out: ParagraphChild[] = [text(` (${facts}`)];
  e.papers.forEach((p) => {
    out.push(text('; '));
    out.push(new ExternalHyperlink({ link: p.link, children: [new TextRun({ text: `${p.title}, page ${p.page}`, style: 'Hyperlink' })] }));
  });
  out.push(text(')'));
  return out;
}

function evidenceBullet(e: ReportEvidence): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [text(e.text), ...citation(e)] });
}

function bulletsOrNone(items: ReportEvidence[], none: string): Paragraph[] {
  return items.length > 0 ? items.map(evidenceBullet) : [new Paragraph({ children: [new TextRun({ text: none, italics: true })] })];
}

function areaBody(s: ReportSection, byId: Map<string, ReportEvidence>): FileChild[] {
  const area = s.area!;
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is ReportEvidence => !!e && inDocument(e));
  const out: FileChild[] = [
    ...table(['RAG', 'Rationale'], [[area.rag.rag ? `${RAG_WORDS[area.rag.rag]} (${BASIS_WORDS[area.rag.basis]})` : 'Not rated (no evidence)', area.rag.rationale]]),
    ...narrative(s.narrative),
  ];
  if (area.noEvidence) out.push(new Paragraph({ children: [new TextRun({ text: 'No shared evidence for this area in this period: a blind spot.', italics: true })] }));
  const groups: [string, string[]][] = [
    [JUDGEMENT_LABELS.gone_well, area.goneWell],
    [JUDGEMENT_LABELS.too_early, area.tooEarly],
    [JUDGEMENT_LABELS.concern, area.concerns],
  ];
  for (const [title, ids] of groups) {
    out.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_2 }));
    out.push(...bulletsOrNone(pick(ids), 'Nothing recorded in this period.'));
  }
  return out;
}

function challengesBody(items: ReportEvidence[]): FileChild[] {
  if (items.length === 0) return [new Paragraph({ children: [new TextRun({ text: 'No challenges were raised in this period.', italics: true })] })];
  return table(
    ['Raised', 'Asked of', 'Question', 'Answers', 'Outcome and impact', 'Status'],
    items.map((e) => {
      const c = e.challenge!;
      const question = [new Paragraph({ children: [text(c.question), ...(e.papers.length > 0 ? citation(e) : [])] })];
      const answers = c.answers.length > 0 ? c.answers.map((a) => new Paragraph({ text: `${ukLongDate(a.date)}, ${a.author}: ${a.text}` })) : 'No answer yet.';
      const recorded = [c.outcome ? `Outcome: ${c.outcome}` : null, c.impact ? `Impact: ${c.impact}` : null].filter((x): x is string => x !== null);
      const outcome = recorded.length > 0 ? recorded.map((line) => new Paragraph({ text: line })) : 'None recorded yet.';
      return [ukLongDate(e.date), c.addressee ?? '—', question, answers, outcome, words(c.status)];
    }),
  );
}

function recommendationsBody(items: ReportEvidence[]): FileChild[] {
  if (items.length === 0) return [new Paragraph({ children: [new TextRun({ text: 'No recommendations or actions were live in this period.', italics: true })] })];
  return table(
    ['Ref', 'Recommendation or action', 'Source', 'Owner', 'Due', 'Status', 'Done', 'RAG'],
    items.map((e) => {
      const a = e.action!;
      return [
        a.reference,
        e.text,
        ACTION_SOURCE_LABELS[a.source],
        [a.owner, a.agency].filter(Boolean).join(', ') || '—',
        a.dueDate ? ukLongDate(a.dueDate) : 'No date',
        words(a.status),
        `${a.percentComplete}%`,
        a.rag ? RAG_WORDS[a.rag] : '—',
      ];
    }),
  );
}

function voiceBody(items: ReportEvidence[]): FileChild[] {
  const out: FileChild[] = [];
  for (const type of ['voice_of_children_and_families', 'voice_of_practitioners'] as const) {
    out.push(new Paragraph({ text: EVIDENCE_TYPE_LABELS[type], heading: HeadingLevel.HEADING_2 }));
    out.push(...bulletsOrNone(items.filter((e) => e.evidenceType === type), 'Nothing recorded in this period.'));
  }
  return out;
}

function workPlanBody(w: ReportDraft['workPlan']): FileChild[] {
  return [
    new Paragraph({ text: `Budget ${w.budgetDays} days for the year; ${w.plannedDays} planned, ${w.usedDays} used, ${w.remainingDays} remaining. In this period: ${w.period.plannedDays} planned, ${w.period.usedDays} used.` }),
    ...table(['Quarter', 'Planned days', 'Days used'], w.byQuarter.map((q) => [`Q${q.scrutinyQuarter} (${q.quarter})`, String(q.plannedDays), String(q.usedDays)])),
    ...table(['Activity', 'Planned days', 'Days used'], w.byKind.filter((k) => k.plannedDays + k.usedDays > 0).map((k) => [words(k.kind), String(k.plannedDays), String(k.usedDays)])),
  ];
}

function escalationsBody(items: ReportEvidence[]): FileChild[] {
  if (items.length === 0) return [new Paragraph({ children: [new TextRun({ text: 'No escalations were open in this period.', italics: true })] })];
  return table(
    ['Raised', 'Disagreement', 'Agencies', 'Status', 'Resolution'],
    items.map((e) => [ukLongDate(e.date), e.text, e.escalation!.parties.join(', ') || '—', words(e.escalation!.status), e.escalation!.resolution ?? '—']),
  );
}

function sectionBody(s: ReportSection, draft: ReportDraft, byId: Map<string, ReportEvidence>): FileChild[] {
  const shown = s.evidence.filter(inDocument);
  switch (s.kind) {
    case 'area':
      return areaBody(s, byId);
    case 'challenges':
      return [...narrative(s.narrative), ...challengesBody(shown)];
    case 'recommendations':
      return [...narrative(s.narrative), ...recommendationsBody(shown)];
    case 'voice':
      return [...narrative(s.narrative), ...voiceBody(shown)];
    case 'work_plan':
      return [...narrative(s.narrative), ...workPlanBody(draft.workPlan)];
    case 'escalations':
      return [...narrative(s.narrative), ...escalationsBody(shown)];
    default:
      return narrative(s.narrative);
  }
}

export async function buildReportDocx(input: ReportDocxInput): Promise<Uint8Array> {
  const { draft } = input;
  const byId = new Map(draft.sections.flatMap((s) => s.evidence.map((e) => [e.id, e] as const)));
  const period = draft.period;
  const front: FileChild[] = [
    new Paragraph({ text: draft.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [text(input.partnershipName, true)] }),
    new Paragraph({ text: `${period.label}: ${ukLongDate(period.start)} to ${ukLongDate(period.end)}.` }),
    new Paragraph({ text: `Drafted by Line of Sight from the evidence tagged by the independent scrutineer; generated on ${ukLongDateOf(input.generatedAt)}. Action RAG is as of ${ukLongDate(draft.asOf)}.` }),
  ];
  if (draft.empty) {
    front.push(
      new Paragraph({
        children: [new TextRun({ text: `There is no evidence for this period: no observations, challenges, actions or escalations were recorded between ${ukLongDate(period.start)} and ${ukLongDate(period.end)}.`, bold: true })],
      }),
    );
  }
  const contents: FileChild[] = [
    new Paragraph({ text: 'Contents', heading: HeadingLevel.HEADING_1 }),
    ...draft.sections.map(
      (s, i) => new Paragraph({ children: [new InternalHyperlink({ anchor: sectionBookmark(i), children: [new TextRun({ text: s.title, style: 'Hyperlink' })] })] }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = draft.sections.flatMap((s, i) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id: sectionBookmark(i), children: [text(s.title)] })] }),
    ...sectionBody(s, draft, byId),
  ]);
  const small = (value: string) => new TextRun({ text: value, size: 16, color: '595959' });
  const file = new Document({
    title: draft.title,
    creator: 'Line of Sight',
    description: `${draft.title}, ${input.partnershipName}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [small(`${draft.title} - page `), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '595959' })],
              }),
            ],
          }),
        },
        children: [...front, ...contents, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
