import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReportDraft, ReportEvidence } from '../contract/reports.js';

/**
 * What a draft held when it was generated, kept with the generation so that the next read can say what
 * changed since: a hash of each evidence item's content and of each section's narrative, and which items
 * each section had. The text of shared items is kept (short) to name what has gone since; a private
 * observation's is not, so the shared generations table never holds a private note's words.
 */
export const DraftSnapshot = z.object({
  evidence: z.record(z.string(), z.object({ h: z.string(), t: z.string().optional() })),
  sections: z.record(z.string(), z.object({ n: z.string(), e: z.array(z.string()) })),
});
export type DraftSnapshot = z.infer<typeof DraftSnapshot>;

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

/** The evidence's content, without what the author chooses or what the comparison adds. */
export function evidenceHash(item: Omit<ReportEvidence, 'included' | 'change' | 'changedSinceLastDraft'> & Partial<ReportEvidence>): string {
  const { included: _i, change: _c, changedSinceLastDraft: _d, ...content } = item;
  return hash(JSON.stringify(content));
}

export const narrativeHash = (narrative: string) => hash(narrative.trim());

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

export function snapshotOf(draft: ReportDraft): DraftSnapshot {
  const evidence: DraftSnapshot['evidence'] = {};
  const sections: DraftSnapshot['sections'] = {};
  for (const s of draft.sections) {
    sections[s.key] = { n: narrativeHash(s.narrative), e: s.evidence.map((e) => e.id) };
    for (const e of s.evidence) evidence[e.id] = e.private ? { h: evidenceHash(e) } : { h: evidenceHash(e), t: short(e.text) };
  }
  return { evidence, sections };
}

/** A stored snapshot, or null when there is none or it cannot be read (everything then shows as new). */
export function readSnapshot(value: unknown): DraftSnapshot | null {
  const parsed = DraftSnapshot.safeParse(typeof value === 'string' ? safeJson(value) : value);
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
