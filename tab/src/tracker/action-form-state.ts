import type { ActionPatch, TrackerAction } from '../../../src/contract/actions.js';
import { isEditableStatus, type EditableStatus } from './tracker-labels.js';

/** The update form's fields, as typed. */
export interface ActionDraft {
  status: EditableStatus | null;
  percent: string;
  dueDate: string;
  ownerId: string;
  agencyId: string;
  comment: string;
}

export function draftOf(a: TrackerAction): ActionDraft {
  return {
    status: isEditableStatus(a.status) ? a.status : null,
    percent: String(a.percentComplete),
    dueDate: a.dueDate ?? '',
    ownerId: a.owner?.id ?? '',
    agencyId: a.agency?.id ?? '',
    comment: '',
  };
}

export type DraftProblem = { field: 'percent'; message: string } | null;

export function draftProblem(d: ActionDraft): DraftProblem {
  if (!/^\d{1,3}$/.test(d.percent.trim()) || Number(d.percent) > 100) return { field: 'percent', message: 'Enter a whole number from 0 to 100.' };
  return null;
}

/** Only what changed, with the version the form was opened on; null when nothing changed. */
export function patchOf(a: TrackerAction, d: ActionDraft): ActionPatch | null {
  const patch: ActionPatch = { version: a.version };
  let changed = false;
  if (d.status && d.status !== a.status) {
    patch.status = d.status;
    changed = true;
  }
  const percent = Number(d.percent.trim());
  if (Number.isInteger(percent) && percent !== a.percentComplete) {
    patch.percentComplete = percent;
    changed = true;
  }
  if ((d.dueDate || null) !== a.dueDate) {
    patch.dueDate = d.dueDate || null;
    changed = true;
  }
  if ((d.ownerId || null) !== (a.owner?.id ?? null)) {
    patch.ownerPersonId = d.ownerId || null;
    changed = true;
  }
  if ((d.agencyId || null) !== (a.agency?.id ?? null)) {
    patch.agencyId = d.agencyId || null;
    changed = true;
  }
  if (!changed) return null;
  if (d.comment.trim()) patch.comment = d.comment.trim();
  return patch;
}

/** Which field a server detail (`body.percentComplete`…) is about. */
export function fieldOfDetail(path: string): keyof ActionDraft | null {
  const name = path.replace(/^body\./, '');
  const map: Record<string, keyof ActionDraft> = { status: 'status', percentComplete: 'percent', dueDate: 'dueDate', ownerPersonId: 'ownerId', agencyId: 'agencyId', comment: 'comment' };
  return map[name] ?? null;
}
