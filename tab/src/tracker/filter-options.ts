import type { TrackerAction } from '../../../src/contract/actions.js';

export interface Option {
  value: string;
  text: string;
}

export interface FilterOptions {
  areas: Option[];
  agencies: Option[];
  owners: Option[];
  forums: Option[];
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function distinct(actions: readonly TrackerAction[], pick: (a: TrackerAction) => { id: string; name: string } | null): Option[] {
  const seen = new Map<string, string>();
  for (const a of actions) {
    const v = pick(a);
    if (v && !seen.has(v.id)) seen.set(v.id, v.name);
  }
  return [...seen].map(([value, text]) => ({ value, text })).sort((x, y) => collator.compare(x.text, y.text));
}

/** The areas, agencies, owners and forums the loaded actions name: a filter offers only what would find something. */
export function filterOptions(actions: readonly TrackerAction[]): FilterOptions {
  return {
    areas: distinct(actions, (a) => a.area),
    agencies: distinct(actions, (a) => a.agency),
    owners: distinct(actions, (a) => a.owner),
    forums: distinct(actions, (a) => a.forum),
  };
}
