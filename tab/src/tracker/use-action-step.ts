import { useState } from 'react';
import type { TrackerAction } from '../../../src/contract/actions.js';
import type { ApiClientError } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';

/** One step on an action (add evidence, propose, sign off, decline): busy while sent, the refusal in the server's words. */
export function useActionStep(onDone: (a: TrackerAction) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const run = async (name: string, call: () => Promise<TrackerAction>): Promise<boolean> => {
    setBusy(name);
    setFailure(null);
    try {
      onDone(await call());
      return true;
    } catch (error) {
      setFailure(toApiError(error));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, failure, clear: () => setFailure(null), run };
}
