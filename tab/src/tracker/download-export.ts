import { apiRoutes } from '../../../src/contract/routes.js';
import { ApiClientError, DEV_PERSON_HEADER, fillPath } from '../api/api-client.js';
import { readErrorBody } from '../api/error-body.js';
import { getDevPersonId } from '../auth/dev-person-store.js';

/** The file name the server gave (Content-Disposition), else one made here. */
function fileNameOf(response: Response, format: 'xlsx' | 'csv'): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? `actions.${format}`;
}

/**
 * Asks the server for the tracker as .xlsx or CSV with the view's filters, and saves what it sends.
 * Not callApi: the answer is a file, not JSON. Errors come back in the API's own words.
 */
export async function downloadExport(partnershipId: string, format: 'xlsx' | 'csv', query: Record<string, string>): Promise<string> {
  const search = new URLSearchParams({ format, ...query });
  const headers: Record<string, string> = {};
  const devPersonId = getDevPersonId();
  if (devPersonId) headers[DEV_PERSON_HEADER] = devPersonId;
  let response: Response;
  try {
    response = await fetch(`${fillPath(apiRoutes.exportActions.path, { partnershipId })}?${search}`, { headers, credentials: 'same-origin' });
  } catch {
    throw new ApiClientError(0, 'network_error', 'Line of Sight could not reach its server. Check your connection and try again.');
  }
  if (!response.ok) {
    const body = readErrorBody(await response.json().catch(() => undefined));
    throw new ApiClientError(response.status, body?.code ?? 'invalid_response', body?.message ?? `The export failed (HTTP ${response.status}). Try again in a moment.`);
  }
  const name = fileNameOf(response, format);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the address is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
