import { useCallback, useEffect, useState } from 'react';
import type { Endpoint, ResponseOf } from '../../../src/contract/index.js';
import { ApiClientError, callApi, type CallOptions } from './api-client.js';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiClientError }
  | { status: 'ready'; data: T };

/**
 * Loads one endpoint while the component is shown; reloads when its params or
 * query change; abandons a call whose answer is no longer wanted.
 * Pass `skip: true` to hold the call (e.g. when the role may not make it).
 */
export function useApi<E extends Endpoint>(
  endpoint: E,
  options: Omit<CallOptions<E>, 'signal'> = {},
  skip = false,
): { state: ApiState<ResponseOf<E>>; retry: () => void } {
  const [state, setState] = useState<ApiState<ResponseOf<E>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify([endpoint.name, options.params ?? null, options.query ?? null, options.body ?? null]);

  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    callApi(endpoint, { ...options, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiClientError
            ? error
            : new ApiClientError(0, 'invalid_response', 'Something went wrong in this page. Reload it and try again.');
        setState({ status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
    // `key` stands for endpoint and options: their identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, skip]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
