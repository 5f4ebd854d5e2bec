import { endpoints } from '../contract/index.js';
import type { ImportPlanBody, ImportReadBody } from '../contract/action-import.js';
import type { ActionExportService } from '../services/action-export-service.js';
import type { ActionImportService, ImportFileInput } from '../services/action-import-service.js';
import { type ApiRoutes, BinaryBody, requireActor } from './api-routes.js';

const fileOf = (b: ImportReadBody): ImportFileInput => ({ fileName: b.fileName, bytes: Buffer.from(b.contentBase64, 'base64'), sheet: b.sheet, headerRow: b.headerRow });
const choicesOf = (b: ImportPlanBody) => ({ mapping: b.mapping, updateExisting: b.updateExisting, defaultSource: b.defaultSource });

/** Importing a tracker (the file as base64 JSON, each step stateless) and exporting it as a download. */
export function registerActionImportHandlers(routes: ApiRoutes, imports: ActionImportService, exports: ActionExportService): void {
  routes.add(endpoints.readActionImport, async ({ actor, body }) => imports.read(requireActor(actor), fileOf(body)));
  routes.add(endpoints.previewActionImport, async ({ actor, body }) => imports.preview(requireActor(actor), fileOf(body), choicesOf(body)));
  routes.add(endpoints.commitActionImport, async ({ actor, body }) => imports.commit(requireActor(actor), fileOf(body), choicesOf(body)));
  routes.add(endpoints.exportActions, async ({ actor, query }) => {
    const file = await exports.export(requireActor(actor), query);
    return new BinaryBody(file.bytes, file.contentType, file.fileName, 'attachment');
  });
}
