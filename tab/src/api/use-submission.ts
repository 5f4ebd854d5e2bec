import { useCallback, useState } from 'react';
import type { ApiClientError } from './api-client.js';
import { toApiError } from './to-api-error.js';

/** A form's send: saving while it is on its way, and the refusal in the server's words when it fails. */
export function useSubmission() {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const submit = useCallback(async (send: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setFailure(null);
    try {
      await send();
      return true;
    } catch (error) {
      setFailure(toApiError(error));
      return false;
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, failure, submit };
}
