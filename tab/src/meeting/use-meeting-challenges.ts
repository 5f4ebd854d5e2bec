import { useCallback, useEffect, useState } from 'react';
import { endpoints, type Challenge } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';

/** The challenges this person may see, with those raised here added at once. */
export function useChallenges(partnershipId: string) {
  const [challenges, setChallenges] = useState<Challenge[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    callApi(endpoints.listChallenges, { params: { partnershipId }, signal: controller.signal }).then(
      (r) => setChallenges((mine) => [...(mine ?? []).filter((c) => !r.challenges.some((x) => x.id === c.id)), ...r.challenges]),
      (e: unknown) => {
        if (!controller.signal.aborted) setFailed((e as Error).message);
      },
    );
    return () => controller.abort();
  }, [partnershipId]);
  const add = useCallback((c: Challenge) => setChallenges((list) => [c, ...(list ?? []).filter((x) => x.id !== c.id)]), []);
  return { challenges, failed, add };
}
