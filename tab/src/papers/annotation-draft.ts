import type { EvidenceType, Judgement } from '../../../src/domain/vocabulary.js';
import type { SelectedPassage } from './selected-passage.js';

/** What the annotate form holds: the passage, and the observation or challenge it will carry. */
export interface AnnotationDraft {
  kind: 'observation' | 'challenge';
  pageNumber: number;
  quote: string;
  prefix: string;
  suffix: string;
  body: string;
  areaIds: string[];
  judgement: Judgement | '';
  evidenceType: EvidenceType;
  question: string;
  /** The scrutineer confirmed that flagged passages in the question may be sent (see IdentifierWarning). */
  identifiersConfirmed: boolean;
  addresseePersonId: string;
  dueDate: string;
}

export type DraftErrors = Partial<Record<'quote' | 'pageNumber' | 'body' | 'areaIds' | 'judgement' | 'question' | 'addresseePersonId' | 'dueDate', string>>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function newDraft(passage: SelectedPassage | null, fallbackPage: number, now: Date = new Date()): AnnotationDraft {
  return {
    kind: 'observation',
    pageNumber: passage?.pageNumber ?? fallbackPage,
    quote: passage?.quote ?? '',
    prefix: passage?.prefix ?? '',
    suffix: passage?.suffix ?? '',
    body: '',
    areaIds: [],
    judgement: '',
    // Annotating a paper is, nearly always, evidence from a paper.
    evidenceType: 'paper_or_data',
    question: '',
    identifiersConfirmed: false,
    addresseePersonId: '',
    dueDate: isoDay(new Date(now.getTime() + 14 * 86_400_000)),
  };
}

/** What is missing, in words beside each field (the server checks again). */
export function draftErrors(d: AnnotationDraft, pageCount: number): DraftErrors {
  const e: DraftErrors = {};
  if (!d.quote.trim()) e.quote = 'Select a passage in the paper, or type the words of the passage here.';
  if (!Number.isInteger(d.pageNumber) || d.pageNumber < 1 || d.pageNumber > pageCount) e.pageNumber = `Enter a page from 1 to ${pageCount}.`;
  if (d.kind === 'observation') {
    if (!d.body.trim()) e.body = 'Write what you observed.';
    if (d.areaIds.length === 0) e.areaIds = 'Choose at least one checklist area.';
    if (!d.judgement) e.judgement = 'Choose a judgement.';
  } else {
    if (!d.question.trim()) e.question = 'Write the challenge question.';
    if (!d.addresseePersonId) e.addresseePersonId = 'Choose who the challenge is for.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.dueDate)) e.dueDate = 'Enter a due date.';
  }
  return e;
}
