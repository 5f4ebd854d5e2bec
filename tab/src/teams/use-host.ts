import { useEffect, useState } from 'react';
import { BROWSER_HOST, hostConnection, mightBeHosted, type HostInfo } from './teams-host.js';

/**
 * The host, once known: `undefined` while the first (at most ~1.5 s) check runs. With no frame, opener
 * or native interface there is no host to ask, so a browser is known at the first render.
 */
export function useHost(): HostInfo | undefined {
  const [host, setHost] = useState<HostInfo | undefined>(() => (mightBeHosted() ? undefined : BROWSER_HOST));
  useEffect(() => {
    if (host) return;
    let live = true;
    void hostConnection().then((info) => {
      if (live) setHost(info);
    });
    return () => {
      live = false;
    };
    // Asked once: `host` is only ever set here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return host;
}
