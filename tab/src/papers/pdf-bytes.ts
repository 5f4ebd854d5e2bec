import { apiRoutes } from '../../../src/contract/routes.js';
import { ApiClientError, DEV_PERSON_HEADER, fillPath } from '../api/api-client.js';
import { getDevPersonId } from '../auth/dev-person-store.js';

/** The bytes of a version's PDF (the file itself or its rendition). Not JSON, so not through callApi. */
export async function fetchPdfBytes(ids: { partnershipId: string; documentId: string; versionId: string }, signal?: AbortSignal): Promise<Uint8Array> {
  const url = fillPath(apiRoutes.getPdf.path, ids);
  const headers: Record<string, string> = { accept: 'application/pdf' };
  const devPersonId = getDevPersonId();
  if (devPersonId) headers[DEV_PERSON_HEADER] = devPersonId;
  let response: Response;
  try {
    response = await fetch(url, { headers, credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiClientError(0, 'network_error', 'Line of Sight could not reach its server. Check your connection and try again.');
  }
  if (!response.ok) {
    throw new ApiClientError(response.status, 'not_found', 'The paper’s PDF could not be loaded. Its text is shown instead.');
  }
  return new Uint8Array(await response.arrayBuffer());
}
