/*
 * Calls the server refused with consent_required wait here while the person is asked (consent-prompt.tsx):
 * once consent is given each is sent again, once; if the person declines, each fails with the server's
 * words. One question covers every waiting call.
 */

export type ConsentState =
  | { status: 'idle' }
  /** Asked: the server's words say what for. */
  | { status: 'asked'; message: string }
  | { status: 'asking'; message: string }
  /** The consent window failed or was closed: ask again, or decline. */
  | { status: 'failed'; message: string; problem: string };

let state: ConsentState = { status: 'idle' };
const waiting = new Set<(granted: boolean) => void>();
const listeners = new Set<() => void>();

function set(next: ConsentState): void {
  state = next;
  for (const listener of listeners) listener();
}

function settle(granted: boolean): void {
  const callers = [...waiting];
  waiting.clear();
  set({ status: 'idle' });
  for (const resolve of callers) resolve(granted);
}

export function getConsentState(): ConsentState {
  return state;
}

export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Waits for the person's answer: true once consent is given (send the call again), false if declined. */
export function awaitConsent(message: string, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const answer = (granted: boolean) => {
      signal?.removeEventListener('abort', abandon);
      resolve(granted);
    };
    // A call nobody waits for any more stops waiting; the question stays for the others.
    const abandon = () => {
      waiting.delete(answer);
      if (waiting.size === 0) set({ status: 'idle' });
      resolve(false);
    };
    signal?.addEventListener('abort', abandon, { once: true });
    waiting.add(answer);
    if (state.status === 'idle') set({ status: 'asked', message });
  });
}

/** The person agreed: runs the consent flow (`grant`, from a click), then lets the waiting calls go again. */
export async function giveConsent(grant: () => Promise<void>): Promise<void> {
  if (state.status === 'idle') return;
  const { message } = state;
  set({ status: 'asking', message });
  try {
    await grant();
    settle(true);
  } catch (error) {
    set({ status: 'failed', message, problem: error instanceof Error ? error.message : String(error) });
  }
}

/** The person said not now: the waiting calls fail with the server's answer. */
export function declineConsent(): void {
  settle(false);
}
