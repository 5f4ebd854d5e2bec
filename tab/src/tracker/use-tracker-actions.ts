import { useCallback, useEffect, useState } from 'react';
import type { ActionList, TrackerAction } from '../../../src/contract/actions.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { ApiClientError } from '../api/api-client.js';
import { callOrTake } from '../api/prefetch.js';
import { toApiError } from '../api/to-api-error.js';

export type TrackerData =
  | { status: 'loading' }
  | { status: 'error'; error: ApiClientError }
  | { status: 'ready'; actions: TrackerAction[]; today: string; ragRule: ActionList['ragRule'] };

/**
 * Every action the person may see, in one load (the server sends them all: the tab filters, sorts and
 * groups them itself). An edit's answer replaces its action in place; `reload` fetches the list again
 * while the old one stays on screen.
 */
export function useTrackerActions(partnershipId: string) {
  const [data, setData] = useState<TrackerData>({ status: 'loading' });
  const [reloading, setReloading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    callOrTake(apiRoutes.listActions, { params: { partnershipId }, signal: controller.signal }).then(
      (list) => {
        if (controller.signal.aborted) return;
        setData({ status: 'ready', actions: list.actions, today: list.today, ragRule: list.ragRule });
        setReloading(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setReloading(false);
        // A failed reload keeps the list on screen; the caller shows the error.
        setData((d) => (d.status === 'ready' && attempt > 0 ? d : { status: 'error', error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [partnershipId, attempt]);

  const reload = useCallback(() => {
    setReloading(true);
    setAttempt((n) => n + 1);
  }, []);

  const replace = useCallback((action: TrackerAction) => {
    setData((d) => (d.status === 'ready' ? { ...d, actions: d.actions.map((a) => (a.id === action.id ? action : a)) } : d));
  }, []);

  return { data, reloading, reload, replace };
}
