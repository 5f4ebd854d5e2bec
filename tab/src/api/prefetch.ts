import type { ApiRoute } from '../../../src/contract/routes.js';
import { getDevPersonId } from '../auth/dev-person-store.js';
import { callApi, type Answer, type CallOptions } from './api-client.js';
import type { ApiState } from './api-state.js';
import { toApiError } from './to-api-error.js';

/*
 * Calls started before the component that needs them is on screen (router/preload-route.ts), so the
 * requests of a page run alongside the loading of its code instead of after it. Each answer is handed
 * over once, to the first component that asks for exactly that call, and only while fresh.
 */

interface Prefetched {
  promise: Promise<unknown>;
  /** Set once answered, so a component can show the answer in its first render. */
  settled?: ApiState<unknown>;
  startedAt: number;
}

/** After this a prefetched answer is not what the person asked for any more: a new call is made. */
const FRESH_MS = 30_000;
const calls = new Map<string, Prefetched>();

type Options<R extends ApiRoute> = Omit<CallOptions<R>, 'signal'>;

/** One key per call: the route, what is sent, and who sends it (a switch of dev person is another caller). */
export function callKey<R extends ApiRoute>(route: R, options: Options<R> = {}): string {
  return JSON.stringify([route.name, options.params ?? null, options.query ?? null, options.body ?? null, getDevPersonId()]);
}

function fresh(key: string): Prefetched | undefined {
  const call = calls.get(key);
  if (call && Date.now() - call.startedAt > FRESH_MS) calls.delete(key);
  return calls.get(key);
}

/** Starts a call (or joins the one already started) whose answer a component will soon ask for. */
export function prefetch<R extends ApiRoute>(route: R, options: Options<R> = {}): Promise<Answer<R>> {
  const key = callKey(route, options);
  const running = fresh(key);
  if (running) return running.promise as Promise<Answer<R>>;
  const call: Prefetched = { promise: callApi(route, options), startedAt: Date.now() };
  call.promise.then(
    (data) => (call.settled = { status: 'ready', data }),
    (error: unknown) => (call.settled = { status: 'error', error: toApiError(error) }),
  );
  calls.set(key, call);
  return call.promise as Promise<Answer<R>>;
}

/** The prefetched answer for this key, if it has already come (without handing it over). */
export function peekPrefetched(key: string): ApiState<unknown> | undefined {
  return fresh(key)?.settled;
}

/** Hands over a prefetched call for this key (once), or undefined when there is none. */
export function takePrefetched(key: string): Prefetched | undefined {
  const call = fresh(key);
  calls.delete(key);
  return call;
}

/** The prefetched call's answer if there is one, else a new call. */
export function callOrTake<R extends ApiRoute>(route: R, options: CallOptions<R> = {}): Promise<Answer<R>> {
  const { signal, ...sent } = options;
  return (takePrefetched(callKey(route, sent))?.promise as Promise<Answer<R>> | undefined) ?? callApi(route, { ...sent, signal });
}
