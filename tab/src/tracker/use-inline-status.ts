import { useCallback, useRef, useState } from 'react';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { STATUS_LABELS, type EditableStatus } from './tracker-labels.js';
import type { TrackerNotice, UndoOffer } from './tracker-notice.js';

/**
 * Status changed from the row: sent with the version the row shows (a change made meanwhile is refused
 * with the server's words and an offer to reload), then offered back as Undo, which sends the old status
 * with the new version.
 */
export function useInlineStatus({
  partnershipId,
  replace,
  announce,
}: {
  partnershipId: string;
  replace: (action: TrackerAction) => void;
  announce: (text: string) => void;
}) {
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(() => new Set());
  const [notice, setNotice] = useState<TrackerNotice | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const counter = useRef(0);

  const setBusy = (id: string, busy: boolean) =>
    setBusyIds((s) => {
      const next = new Set(s);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const send = useCallback(
    async (action: TrackerAction, status: EditableStatus, undoable: boolean) => {
      const before = action.status as EditableStatus;
      setBusy(action.id, true);
      setNotice(null);
      try {
        const saved = await callApi(apiRoutes.updateAction, {
          params: { partnershipId, actionId: action.id },
          body: { version: action.version, status },
        });
        replace(saved);
        const text = `${saved.reference}: status ${undoable ? 'changed' : 'put back'} to ${STATUS_LABELS[status]}.`;
        announce(undoable ? `${text} Undo is offered above the table (Ctrl+Z).` : text);
        counter.current += 1;
        setUndo(undoable ? { id: counter.current, text: `${text} Was: ${STATUS_LABELS[before]}.`, undo: () => void send(saved, before, false) } : null);
      } catch (error) {
        const e = toApiError(error);
        counter.current += 1;
        setUndo(null);
        setNotice({ id: counter.current, intent: 'error', text: e.message, offerReload: e.code === 'edit_conflict' });
        announce(e.message);
      } finally {
        setBusy(action.id, false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [partnershipId, replace, announce],
  );

  const changeStatus = useCallback((action: TrackerAction, status: EditableStatus) => void send(action, status, true), [send]);
  const dismissUndo = useCallback(() => setUndo(null), []);
  const dismissNotice = useCallback(() => setNotice(null), []);

  return { busyIds, changeStatus, undo, dismissUndo, notice, setNotice, dismissNotice };
}
