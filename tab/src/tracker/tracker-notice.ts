/** A message above the tracker: what happened, and for a conflict, the offer to reload. */
export interface TrackerNotice {
  id: number;
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
  /** The action changed meanwhile (409 edit_conflict): offer to load it again. */
  offerReload?: boolean;
}

/** An inline change that can be taken back for a few seconds. */
export interface UndoOffer {
  id: number;
  text: string;
  undo: () => void;
}
