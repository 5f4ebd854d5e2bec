import { useCallback, useEffect, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Challenge } from '../../../src/contract/index.js';
import { callOrTake } from '../api/prefetch.js';

/** The challenges this person may see, with those raised here added at once. */
export function useChallenges(partnershipId: string) {
  const [challenges, setChallenges] = useState<Challenge[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    // The first load may have been started with the page (meeting-prefetch.ts).
    callOrTake(apiRoutes.listChallenges, { params: { partnershipId }, signal: controller.signal }).then(
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
