import { useCallback, useEffect, useState } from 'react';
import type { Chunk } from './chunk.js';

/** A chunk's export once loaded (at once if it already is), or whether its load failed. */
export function useChunk<T>(part: Chunk<T>): { value: T | undefined; failed: boolean; retry: () => void } {
  const [, setLoadedCount] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const value = part.loaded();

  useEffect(() => {
    if (value !== undefined) return;
    let live = true;
    part.load().then(
      () => live && setLoadedCount((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [part, value, attempt]);

  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { value, failed, retry };
}
