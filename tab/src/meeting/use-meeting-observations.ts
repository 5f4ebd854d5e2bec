import { useCallback, useEffect, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Observation } from '../../../src/contract/index.js';
import type { ApiClientError } from '../api/api-client.js';
import { callOrTake } from '../api/prefetch.js';
import { toApiError } from '../api/to-api-error.js';

export type ObservationsState = { status: 'loading' } | { status: 'error'; error: ApiClientError } | { status: 'ready' };

/** This meeting's observations from the server, kept up to date as the panel saves, edits and deletes. */
export function useMeetingObservations(partnershipId: string, meetingId: string) {
  const [observations, setObservations] = useState<Observation[]>([]);
  const [state, setState] = useState<ObservationsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    // The first load may have been started with the page (meeting-prefetch.ts).
    callOrTake(apiRoutes.listObservations, { params: { partnershipId }, query: { meetingId }, signal: controller.signal }).then(
      (r) => {
        if (controller.signal.aborted) return;
        // Keep what this page saved while the list was on its way.
        setObservations((mine) => {
          const listed = new Set(r.observations.map((o) => o.id));
          return [...r.observations, ...mine.filter((o) => !listed.has(o.id) && o.meetingId === meetingId)];
        });
        setState({ status: 'ready' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [partnershipId, meetingId, attempt]);

  const upsert = useCallback((o: Observation) => {
    setObservations((list) => (list.some((x) => x.id === o.id) ? list.map((x) => (x.id === o.id ? o : x)) : [o, ...list]));
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { observations, state, upsert, retry };
}
