import { useCallback, useEffect, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { SyncStatus } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import type { ApiState } from '../api/use-api.js';
import { toApiError } from '../api/to-api-error.js';

/** How often a running sync is asked how far it has got. */
export const POLL_MS = 2000;

export interface SyncStatusControl {
  state: ApiState<SyncStatus>;
  retry: () => void;
  /** Asks the server to sync now. */
  start: () => Promise<void>;
  starting: boolean;
  startError: string | null;
  /** The last check of a running sync failed (checking goes on). */
  pollError: string | null;
}

/**
 * The partnership's sync status: loaded once, then, while a sync runs, asked again
 * every 2 seconds until it ends or the page goes.
 */
export function useSyncStatus(partnershipId: string): SyncStatusControl {
  const [state, setState] = useState<ApiState<SyncStatus>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [polls, setPolls] = useState(0);
  const [pollError, setPollError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    callApi(apiRoutes.syncStatus, { params: { partnershipId }, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [partnershipId, attempt]);

  const running = state.status === 'ready' && state.data.running;
  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      callApi(apiRoutes.syncStatus, { params: { partnershipId }, signal: controller.signal }).then(
        (data) => {
          if (controller.signal.aborted) return;
          setPollError(null);
          setState({ status: 'ready', data });
          setPolls((n) => n + 1);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setPollError(toApiError(error).message);
          setPolls((n) => n + 1);
        },
      );
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [partnershipId, running, polls]);

  const start = useCallback(async () => {
    setStarting(true);
    setStartError(null);
    try {
      const data = await callApi(apiRoutes.startSync, { params: { partnershipId } });
      setPollError(null);
      setState({ status: 'ready', data });
    } catch (error) {
      setStartError(toApiError(error).message);
    } finally {
      setStarting(false);
    }
  }, [partnershipId]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry, start, starting, startError, pollError };
}
