import { useCallback, useEffect, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { describeAnnotations, type AnnotatedPassage } from './annotation-notes.js';

export type AnnotationsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; passages: AnnotatedPassage[] };

/** The paper's annotations with their notes; `reload` after a save or a sync. */
export function useAnnotations(partnershipId: string, documentId: string): { state: AnnotationsState; reload: () => void } {
  const [state, setState] = useState<AnnotationsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    const params = { partnershipId };
    Promise.all([
      callApi(apiRoutes.listAnnotations, { params: { partnershipId, documentId }, signal }),
      callApi(apiRoutes.listObservations, { params, query: {}, signal }),
      callApi(apiRoutes.listChallenges, { params, signal }),
    ]).then(
      ([a, o, c]) => {
        if (!signal.aborted) setState({ status: 'ready', passages: describeAnnotations(a.annotations, o.observations, c.challenges) });
      },
      (error: unknown) => {
        if (!signal.aborted) setState({ status: 'error', message: toApiError(error).message });
      },
    );
    return () => controller.abort();
  }, [partnershipId, documentId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
