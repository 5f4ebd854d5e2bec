import { apiRoutes } from '../../../src/contract/routes.js';
import { fillPath } from '../api/api-client.js';
import { downloadFile } from '../api/download-file.js';

/** Asks the server for the tracker as .xlsx or CSV with the view's filters, and saves what it sends. */
export function downloadExport(partnershipId: string, format: 'xlsx' | 'csv', query: Record<string, string>): Promise<string> {
  const search = new URLSearchParams({ format, ...query });
  const route = apiRoutes.exportActions;
  return downloadFile(route, `${fillPath(route.path, { partnershipId })}?${search}`, `actions.${format}`, 'The export');
}
