import { useEffect, useRef } from 'react';

/** Says, politely and once things settle, how many actions the view shows after a filter or search changes. */
export function useCountAnnouncement(text: string, announce: (text: string) => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => announce(text), 600);
    return () => clearTimeout(timer);
  }, [text, announce]);
}
