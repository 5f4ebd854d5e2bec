import { useCallback, useState } from 'react';

/** Messages for a PoliteRegion; each call is announced, even when the words repeat. */
export function usePoliteMessage() {
  const [message, setMessage] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  return { message, announce };
}
