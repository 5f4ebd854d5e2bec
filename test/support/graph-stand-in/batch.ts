/**
 * POST /$batch for the stand-in (Graph JSON batching): at most 20 requests, relative URLs, unique
 * ids; each inner request runs through the same routes and can be throttled on its own.
 */
import { routeApi, type ApiContext } from './api-routes.js';
import { faultResult, type FaultInjector } from './faults.js';
import { graphError, type ApiResult } from './http-util.js';

export function answerBatch(body: Buffer, ctx: ApiContext, faults: FaultInjector, countRoute: (route: string) => void): ApiResult {
  let requests: { id?: unknown; method?: unknown; url?: unknown }[];
  try {
    requests = (JSON.parse(body.toString('utf8')) as { requests?: typeof requests }).requests ?? [];
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  }
  if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (requests.length > 20) return graphError(400, 'BadRequest', 'Number of requests exceeds the limit of 20.');
  const ids = requests.map((r) => String(r.id).toLowerCase());
  if (new Set(ids).size !== ids.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
  const responses = requests.map((r) => {
    const id = String(r.id);
    const url = String(r.url ?? '');
    if (/^https?:/i.test(url)) {
      return { id, status: 400, headers: {}, body: { error: { code: 'BadRequest', message: 'Batch URLs must be relative.' } } };
    }
    const inner = routeApi(ctx, String(r.method ?? 'GET').toUpperCase(), `/${url.replace(/^\/+/, '')}`);
    countRoute(`batch:${inner.route}`);
    const fault = faults.takeBatchItem();
    const result = fault ? faultResult({ ...fault, kind: fault.kind as number }) : inner.run();
    return { id, status: result.status, headers: { 'Content-Type': 'application/json', ...result.headers }, body: result.json };
  });
  // Graph documents that responses may come in any order: make clients correlate by id.
  return { status: 200, json: { responses: responses.reverse() } };
}
