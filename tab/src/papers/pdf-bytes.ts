import { apiRoutes } from '../../../src/contract/routes.js';
import { ApiClientError, fillPath, sendSignedIn } from '../api/api-client.js';

/** The bytes of a version's PDF (the file itself or its rendition). Not JSON, so not through callApi. */
export async function fetchPdfBytes(ids: { partnershipId: string; documentId: string; versionId: string }, signal?: AbortSignal): Promise<Uint8Array> {
  const url = fillPath(apiRoutes.getPdf.path, ids);
  const response = await sendSignedIn(apiRoutes.getPdf, url, { headers: { accept: 'application/pdf' }, signal });
  if (!response.ok) {
    throw new ApiClientError(response.status, 'not_found', 'The paper’s PDF could not be loaded. Its text is shown instead.');
  }
  return new Uint8Array(await response.arrayBuffer());
}
