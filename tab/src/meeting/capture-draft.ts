import type { EvidenceType, Judgement } from '../../../src/domain/vocabulary.js';
import type { MeetingDetail } from '../../../src/contract/index.js';
import type { OutboxEntry } from './outbox-entry.js';

/** What is being typed in the capture form. `link` is '' or 'agenda:<id>' or 'paper:<id>'. */
export interface CaptureDraft {
  body: string;
  areaIds: string[];
  judgement: Judgement | '';
  evidenceType: EvidenceType;
  link: string;
}

export const emptyDraft = (evidenceType: EvidenceType = 'meeting_observation'): CaptureDraft => ({
  body: '',
  areaIds: [],
  judgement: '',
  evidenceType,
  link: '',
});

export type DraftErrors = Partial<Record<'body' | 'areaIds' | 'judgement', string>>;

export function validateDraft(d: CaptureDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.body.trim()) errors.body = 'Write what you saw or heard.';
  else if (d.body.trim().length > 10000) errors.body = 'Keep it to 10,000 characters or fewer.';
  if (d.areaIds.length === 0) errors.areaIds = 'Choose at least one checklist area.';
  else if (d.areaIds.length > 20) errors.areaIds = 'Choose at most 20 checklist areas.';
  if (!d.judgement) errors.judgement = 'Choose a judgement.';
  return errors;
}

/** The agenda item and paper a link names: an agenda item brings its paper with it. */
export function linkTargets(link: string, meeting: Pick<MeetingDetail, 'agendaItems'>): { agendaItemId: string | null; documentId: string | null } {
  const [kind, id] = link.split(':');
  if (kind === 'agenda' && id) {
    const item = meeting.agendaItems.find((a) => a.id === id);
    return { agendaItemId: id, documentId: item?.documentId ?? null };
  }
  if (kind === 'paper' && id) return { agendaItemId: null, documentId: id };
  return { agendaItemId: null, documentId: null };
}

/** The link a saved observation has, for the editor and "put back in the form". */
export function linkOf(o: { agendaItemId?: string | null; documentId?: string | null }): string {
  if (o.agendaItemId) return `agenda:${o.agendaItemId}`;
  if (o.documentId) return `paper:${o.documentId}`;
  return '';
}

/** A new observation from a valid draft, with its client-made id and the moment it was captured. */
export function toNewObservation(d: CaptureDraft, meeting: MeetingDetail, id: string, now: Date): OutboxEntry['observation'] {
  return {
    id,
    body: d.body.trim(),
    judgement: d.judgement as Judgement,
    evidenceType: d.evidenceType,
    areaIds: d.areaIds,
    meetingId: meeting.id,
    ...linkTargets(d.link, meeting),
    observedAt: now.toISOString(),
  };
}
