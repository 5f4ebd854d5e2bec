import { useEffect, useState } from 'react';
import { connectToHost, type HostInfo } from './teams-host.js';

/** The host, once known: `undefined` while the first (at most ~1.5 s) check runs. */
export function useHost(): HostInfo | undefined {
  const [host, setHost] = useState<HostInfo>();
  useEffect(() => {
    let live = true;
    void connectToHost().then((info) => {
      if (live) setHost(info);
    });
    return () => {
      live = false;
    };
  }, []);
  return host;
}
