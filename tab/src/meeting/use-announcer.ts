import { useCallback, useState } from 'react';

/** Messages for a polite live region; each call is announced, even when the words repeat. */
export function useAnnouncer() {
  const [message, setMessage] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  return { message, announce };
}
