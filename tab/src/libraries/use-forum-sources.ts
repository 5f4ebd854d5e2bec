import { useCallback, useEffect, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { ForumSource } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import type { ApiState } from '../api/use-api.js';
import { toApiError } from '../api/to-api-error.js';

/**
 * Each forum with where its papers come from. Unlike useApi, a refresh (after a
 * sync, say) keeps showing the list it has, and one saved forum can be swapped in.
 */
export function useForumSources(partnershipId: string): {
  state: ApiState<ForumSource[]>;
  retry: () => void;
  refresh: () => void;
  replace: (forum: ForumSource) => void;
} {
  const [state, setState] = useState<ApiState<ForumSource[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [quiet, setQuiet] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    if (!quiet) setState({ status: 'loading' });
    callApi(apiRoutes.listDocumentSources, { params: { partnershipId }, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data: data.forums });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A quiet refresh that fails leaves the list as it was.
        if (!quiet) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [partnershipId, attempt, quiet]);

  const retry = useCallback(() => {
    setQuiet(false);
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => {
    setQuiet(true);
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((forum: ForumSource) => {
    setState((current) =>
      current.status === 'ready'
        ? { status: 'ready', data: current.data.map((f) => (f.forumId === forum.forumId ? forum : f)) }
        : current,
    );
  }, []);
  return { state, retry, refresh, replace };
}
