import { useEffect, useMemo, useState } from 'react';
import type { Flag } from '../../../src/guard/index.js';

type Guard = typeof import('../../../src/guard/index.js');
let loading: Promise<Guard> | undefined;

/**
 * The passages of `text` that may identify a child, found by the same guard the server applies
 * before a challenge leaves the private workspace. Loaded with the first form that needs it, so
 * the side panel does not carry it until a challenge is written.
 */
export function useIdentifierFlags(text: string): Flag[] {
  const [guard, setGuard] = useState<Guard>();
  useEffect(() => {
    let live = true;
    (loading ??= import('../../../src/guard/index.js')).then(
      (g) => live && setGuard(g),
      () => undefined, // the server checks anyway
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => (guard ? guard.findChildIdentifiers(text) : []), [guard, text]);
}
