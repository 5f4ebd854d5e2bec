import type { AreaRag } from '../contract/reports.js';
import type { RagCounts } from '../contract/dashboard.js';
import type { Judgement, Rag } from '../domain/vocabulary.js';

export interface AreaRagInput {
  /** The scrutineer's latest assessment of the area in the period, if any. */
  assessment: { rag: Rag; rationale: string; periodStart: string; periodEnd: string } | null;
  /** Shared observations of the area in the period, by judgement (the dashboard's counts). */
  observations: Record<Judgement, number>;
  /** The area's actions due in the period, and open undated ones, by today's RAG (the dashboard's counts). */
  actions: RagCounts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * An area's RAG for a report, and why. The scrutineer's own assessment wins, with its rationale. Without
 * one, a RAG is suggested from the shared evidence, so the draft never claims more than it shows:
 * red when concerns and red actions outweigh what went well and green actions, green when only good
 * news (and no amber action), amber between. With no evidence at all there is no RAG. Pure.
 */
export function areaRag(input: AreaRagInput): AreaRag {
  const { assessment, observations: o, actions: a } = input;
  const evidenceWords =
    `${plural(o.gone_well, 'observation')} of what has gone well, ${plural(o.too_early, 'too early to tell', 'too early to tell')}, ` +
    `${plural(o.concern, 'concern')}; actions: ${a.red} red, ${a.amber} amber, ${a.green} green`;
  if (assessment) {
    const why = assessment.rationale.trim() || 'No rationale was written with the assessment.';
    return { rag: assessment.rag, basis: 'assessment', rationale: `${why} (Assessed for ${assessment.periodStart} to ${assessment.periodEnd}. Evidence: ${evidenceWords}.)` };
  }
  const against = o.concern + a.red;
  const forIt = o.gone_well + a.green;
  const total = o.gone_well + o.too_early + o.concern + a.red + a.amber + a.green;
  if (total === 0) return { rag: null, basis: 'none', rationale: 'No shared evidence for this area in the period.' };
  const rag: Rag = against === 0 && a.amber === 0 && forIt > 0 ? 'green' : against > forIt ? 'red' : 'amber';
  return { rag, basis: 'evidence', rationale: `Suggested from the evidence, not yet assessed: ${evidenceWords}.` };
}
