import type { TrackerAction } from '../../../src/contract/actions.js';

/** An action with what filtering and sorting need worked out once, not on every keystroke. */
export interface PreparedAction {
  action: TrackerAction;
  /** Index in the list as loaded: each column's order is kept as a rank per index (sort-keys.ts). */
  index: number;
  /** Lower-case text the search looks in: the same fields the export searches (action-export-service.ts). */
  haystack: string;
}

export function prepareActions(actions: readonly TrackerAction[]): PreparedAction[] {
  return actions.map((action, index) => ({
    action,
    index,
    haystack: [action.reference, action.title, action.description, action.sourceRef, action.owner?.name, action.agency?.name, action.lastUpdate?.comment]
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
  }));
}
