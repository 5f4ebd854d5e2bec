import { apiRoutes } from '../../../src/contract/routes.js';
import { fillPath } from '../api/api-client.js';
import { downloadFile } from '../api/download-file.js';

/**
 * Asks the server for the partnership's whole export and saves the zip it sends. For a very large
 * partnership the CLI (`npx los partnership export`) writes it straight to disk instead.
 */
export function downloadPartnershipExport(partnershipId: string): Promise<string> {
  const route = apiRoutes.exportPartnership;
  return downloadFile(route, fillPath(route.path, { partnershipId }), 'partnership-export.zip', 'The export');
}
