import { FLAG_LABELS, findChildIdentifiers } from '../guard/index.js';
import { ServiceError } from './errors.js';

/**
 * Refuses text that may identify a child, unless the writer has seen the flags and confirmed it:
 * for text that leaves a private workspace for a log or card others read. The details name each passage.
 */
export function checkChildIdentifiers(fields: Record<string, string | null | undefined>, confirmed: boolean | undefined): number {
  const details: { path: string; message: string }[] = [];
  const kinds = new Set<string>();
  for (const [path, text] of Object.entries(fields)) {
    if (!text) continue;
    for (const f of findChildIdentifiers(text)) {
      kinds.add(FLAG_LABELS[f.kind].toLowerCase());
      details.push({ path: `body.${path}`, message: `${FLAG_LABELS[f.kind]}: “${f.text}” (characters ${f.start + 1}–${f.end})` });
    }
  }
  if (details.length > 0 && !confirmed) {
    throw new ServiceError('child_identifiers_flagged', `The text may identify a child (${[...kinds].join(', ')}). Edit it, or confirm that it may be logged as written.`, details);
  }
  return details.length;
}
