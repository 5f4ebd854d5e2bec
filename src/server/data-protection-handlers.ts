import { endpoints } from '../contract/endpoints.js';
import type { ErasureService } from '../services/erasure-service.js';
import type { PartnershipExportService } from '../services/partnership-export-service.js';
import type { RetentionService } from '../services/retention-service.js';
import { type ApiRoutes, requireActor, StreamBody } from './api-routes.js';

export interface DataProtectionServices {
  retention: RetentionService;
  erasure: ErasureService;
  export: PartnershipExportService;
}

/** Retention periods, erasure and the partnership's export. */
export function registerDataProtectionHandlers(routes: ApiRoutes, s: DataProtectionServices): void {
  routes.add(endpoints.getRetention, async ({ actor }) => s.retention.get(requireActor(actor)));
  routes.add(endpoints.updateRetention, async ({ actor, body }) => s.retention.update(requireActor(actor), body));
  routes.add(endpoints.runRetention, async ({ actor }) => s.retention.runNow(requireActor(actor)));
  routes.add(endpoints.erasePerson, async ({ actor, params, body }) => s.erasure.erasePerson(requireActor(actor), params.personId, body));
  routes.add(endpoints.erasePartnership, async ({ actor, body }) => s.erasure.erasePartnership(requireActor(actor), body));
  routes.add(endpoints.exportPartnership, async ({ actor }) => {
    const a = requireActor(actor);
    // Refusals are answered as errors before the download starts.
    await s.export.check(a);
    const day = new Date().toISOString().slice(0, 10);
    return new StreamBody('application/zip', `partnership-export-${day}.zip`, (sink) => s.export.export(a, sink));
  });
}
