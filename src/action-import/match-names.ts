import { nameKey } from './parse-values.js';
import { editDistance } from './suggest-mapping.js';

/**
 * Finds a person, agency, forum or area of the partnership by what a spreadsheet calls it: case and
 * spacing do not count; a near miss is offered back as "did you mean". Pure.
 */
export interface Named {
  id: string;
  /** Every name it answers to (a person: display name and email; an area: title, key and number). */
  names: string[];
  /** What to call it in a message. */
  label: string;
}

export type Match<T extends Named> = { found: T } | { ambiguous: T[] } | { missing: true; closest?: T };

export class NameIndex<T extends Named> {
  private readonly byKey = new Map<string, T[]>();

  constructor(private readonly items: readonly T[]) {
    for (const item of items) {
      for (const name of new Set(item.names.map(nameKey).filter(Boolean))) {
        const list = this.byKey.get(name) ?? [];
        list.push(item);
        this.byKey.set(name, list);
      }
    }
  }

  match(text: string): Match<T> {
    const hits = this.byKey.get(nameKey(text));
    if (hits && hits.length === 1) return { found: hits[0]! };
    if (hits && hits.length > 1) return { ambiguous: hits };
    return { missing: true, closest: this.closest(text) };
  }

  get size(): number {
    return this.items.length;
  }

  labels(): string[] {
    return this.items.map((i) => i.label);
  }

  /** The nearest name within a few typing slips (or one that contains the text, "Smith" for "Jane Smith"). */
  private closest(text: string): T | undefined {
    const key = nameKey(text);
    if (key.length < 3) return undefined;
    let best: T | undefined;
    let bestScore = 0;
    for (const item of this.items) {
      for (const name of item.names) {
        const n = nameKey(name);
        if (!n) continue;
        const words = n.split(' ');
        // "Smith" for "Jane Smith", "Demo Police" for "Demo Valley Police": every word typed is in the name.
        const contains = n.includes(key) || key.includes(n) || key.split(' ').every((w) => words.includes(w)) ? 0.8 : 0;
        const sim = Math.abs(n.length - key.length) > 6 ? 0 : 1 - editDistance(n, key) / Math.max(n.length, key.length);
        const score = Math.max(contains, sim);
        if (score > bestScore) {
          best = item;
          bestScore = score;
        }
      }
    }
    return bestScore >= 0.7 ? best : undefined;
  }
}
