import type { Annotation } from '../../../src/contract/papers.js';
import type { Challenge } from '../../../src/contract/challenges.js';
import type { Observation } from '../../../src/contract/resources.js';
import { EVIDENCE_TYPE_LABELS, JUDGEMENT_LABELS } from '../../../src/domain/vocabulary.js';
import { formatDate } from '../format/dates.js';

/** An annotation with what it says: the observation or challenge it carries, in words. */
export interface AnnotatedPassage {
  annotation: Annotation;
  kind: 'observation' | 'challenge';
  /** The observation's text or the challenge's question; null when it cannot be read (not shared with you). */
  note: string | null;
  /** Judgement and evidence type, or addressee and due date. */
  detail: string;
}

export function describeAnnotations(annotations: readonly Annotation[], observations: readonly Observation[], challenges: readonly Challenge[]): AnnotatedPassage[] {
  const obs = new Map(observations.map((o) => [o.id, o]));
  const chs = new Map(challenges.map((c) => [c.id, c]));
  return annotations.map((annotation) => {
    if (annotation.challengeId) {
      const c = chs.get(annotation.challengeId);
      const detail = c ? [`Challenge to ${c.addressee.name}`, c.dueDate ? `due ${formatDate(c.dueDate)}` : null].filter(Boolean).join(', ') : 'Challenge';
      return { annotation, kind: 'challenge', note: c?.question ?? null, detail };
    }
    const o = annotation.observationId ? obs.get(annotation.observationId) : undefined;
    const detail = o ? `${JUDGEMENT_LABELS[o.judgement]} · ${EVIDENCE_TYPE_LABELS[o.evidenceType]}` : 'Observation';
    return { annotation, kind: 'observation', note: o?.body ?? null, detail };
  });
}
