import { useCallback, useEffect, useState } from 'react';
import type { ApiRoute } from '../../../src/contract/routes.js';
import { callApi, type Answer, type CallOptions } from './api-client.js';
import type { ApiState } from './api-state.js';
import { callKey, peekPrefetched, takePrefetched } from './prefetch.js';
import { toApiError } from './to-api-error.js';

export type { ApiState } from './api-state.js';

const LOADING = { status: 'loading' } as const;

/**
 * Loads one endpoint while the component is shown; reloads when its params or
 * query change; abandons a call whose answer is no longer wanted.
 * Pass `skip: true` to hold the call (e.g. when the role may not make it).
 * A call prefetched for the page (api/prefetch.ts) is used instead of a new one; if it has already
 * been answered, the first render shows the answer, with no spinner in between.
 */
export function useApi<R extends ApiRoute>(
  route: R,
  options: Omit<CallOptions<R>, 'signal'> = {},
  skip = false,
): { state: ApiState<Answer<R>>; retry: () => void } {
  const key = callKey(route, options);
  const [state, setState] = useState<ApiState<Answer<R>>>(() => (skip ? LOADING : ((peekPrefetched(key) as ApiState<Answer<R>>) ?? LOADING)));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    const prefetched = attempt === 0 ? takePrefetched(key) : undefined;
    // Already answered: the same state object as the first render's, so React does not render again.
    if (prefetched?.settled) {
      setState(prefetched.settled as ApiState<Answer<R>>);
      return;
    }
    setState(LOADING);
    const call = (prefetched?.promise as Promise<Answer<R>> | undefined) ?? callApi(route, { ...options, signal: controller.signal });
    call.then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // `key` stands for route and options: their identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, skip]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
