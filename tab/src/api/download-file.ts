import type { ApiRoute } from '../../../src/contract/routes.js';
import { ApiClientError, sendSignedIn } from './api-client.js';
import { readErrorBody } from './error-body.js';

/** The file name the server gave (Content-Disposition), else `fallback`. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a file from the API (not callApi: the answer is a file, not JSON) and hands it to the browser to
 * save, under the server's name or `fallbackName`. Errors come back in the API's own words. The browser holds
 * the file whole before saving it.
 */
export async function downloadFile(route: ApiRoute, url: string, fallbackName: string, what = 'The download'): Promise<string> {
  const response = await sendSignedIn(route, url, {});
  if (!response.ok) {
    const body = readErrorBody(await response.json().catch(() => undefined));
    throw new ApiClientError(response.status, body?.code ?? 'invalid_response', body?.message ?? `${what} failed (HTTP ${response.status}). Try again in a moment.`);
  }
  const name = fileNameOf(response, fallbackName);
  const href = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the address is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(href), 0);
  }
  return name;
}
