import type { NewObservation, Observation, ObservationPatch } from '../contract/resources.js';
import { can } from '../domain/permissions.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { ObservationRecord } from '../storage/repositories/observations-repository.js';
import type { Links, ReferenceCheck } from '../storage/repositories/references-repository.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, invalid, notFound } from './errors.js';

const toContract = (o: ObservationRecord): Observation => ({
  id: o.id,
  authorId: o.authorId,
  meetingId: o.meetingId,
  documentId: o.documentId,
  agendaItemId: o.agendaItemId,
  body: o.body,
  judgement: o.judgement,
  evidenceType: o.evidenceType,
  areaIds: o.areaIds,
  visibility: o.visibility,
  observedAt: o.observedAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  deletedAt: o.deletedAt?.toISOString() ?? null,
});

/**
 * Areas must be in the partnership's checklist, and a meeting, paper or agenda item named must be the
 * partnership's: a 400 that says which, never a 500 from a foreign key.
 */
function refuseForeignReferences({ knownAreas, foreign }: ReferenceCheck, areaIds: readonly string[]): void {
  const unknownArea = areaIds.find((id) => !knownAreas.has(id));
  if (unknownArea) throw invalid('areaIds', `names an area that is not in this partnership's checklist (${unknownArea}).`);
  const what = { meetingId: 'a meeting', documentId: 'a paper', agendaItemId: 'an agenda item' } as const;
  const [first] = foreign;
  if (first) throw invalid(first, `names ${what[first]} that is not in this partnership.`);
}

/**
 * Observations are the scrutineer's notes. They are private to their author until
 * shared; this service is the one place that rule is applied.
 */
export class ObservationService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Idempotent on the client-made id: saving twice yields one observation. */
  async create(actor: Actor, input: NewObservation): Promise<{ observation: Observation; created: boolean }> {
    authorize(actor, 'observation.create');
    const areaIds = [...new Set(input.areaIds)];
    const { references, created } = await this.repos.observations.insertChecked(
      {
        id: input.id,
        partnershipId: actor.partnershipId,
        authorId: actor.personId,
        meetingId: input.meetingId ?? null,
        documentId: input.documentId ?? null,
        agendaItemId: input.agendaItemId ?? null,
        body: input.body,
        judgement: input.judgement,
        evidenceType: input.evidenceType,
        areaIds,
        observedAt: input.observedAt ? new Date(input.observedAt) : this.now(),
      },
      { ...auditActor(actor), action: 'observation.create', entityType: 'observation', entityId: input.id },
    );
    refuseForeignReferences(references, areaIds);
    if (created) return { observation: toContract(created), created: true };
    const stored = await this.repos.observations.findById(input.id);
    // An id taken by someone else's observation is not a retry: never reveal or merge it.
    if (!stored || stored.authorId !== actor.personId || stored.partnershipId !== actor.partnershipId) {
      throw conflict('This observation id is already in use. Create the observation again with a new id.');
    }
    return { observation: toContract(stored), created: false };
  }

  async list(actor: Actor, filter: { meetingId?: string }): Promise<Observation[]> {
    const rows = await this.repos.observations.listVisible(actor.partnershipId, actor.personId, {
      includeShared: can(actor.role, 'observation.read_shared'),
      meetingId: filter.meetingId,
    });
    await this.repos.auditLog.append({
      ...auditActor(actor),
      action: 'observation.list',
      entityType: 'observation',
      entityId: null,
      detail: { count: rows.length, meetingId: filter.meetingId ?? null },
    });
    return rows.map(toContract);
  }

  /** Edits one of the actor's own observations. */
  async edit(actor: Actor, id: string, patch: ObservationPatch): Promise<Observation> {
    const own = await this.own(actor, id);
    if (own.deletedAt) throw conflict('This observation was deleted; undo the deletion before editing it.');
    if (patch.areaIds) patch = { ...patch, areaIds: [...new Set(patch.areaIds)] };
    await this.requireOwnReferences(actor, patch.areaIds ?? [], patch);
    await this.repos.observations.update(id, patch, this.now());
    await this.audit(actor, 'observation.edit', id, { fields: Object.keys(patch) });
    return toContract((await this.repos.observations.findById(id))!);
  }

  /** An edit checks what it names before it changes anything (a create checks in its insert). */
  private async requireOwnReferences(actor: Actor, areaIds: string[], links: Links): Promise<void> {
    refuseForeignReferences(await this.repos.references.check(actor.partnershipId, areaIds, links), areaIds);
  }

  /** Deletes softly: `restore` undoes it. */
  async remove(actor: Actor, id: string): Promise<Observation> {
    await this.own(actor, id);
    await this.repos.observations.setDeleted(id, this.now(), this.now());
    await this.audit(actor, 'observation.delete', id, {});
    return toContract((await this.repos.observations.findById(id))!);
  }

  async restore(actor: Actor, id: string): Promise<Observation> {
    await this.own(actor, id);
    await this.repos.observations.setDeleted(id, null, this.now());
    await this.audit(actor, 'observation.restore', id, {});
    return toContract((await this.repos.observations.findById(id))!);
  }

  /** Makes an observation visible to those who read shared observations. It cannot be made private again. */
  async share(actor: Actor, id: string): Promise<Observation> {
    const own = await this.own(actor, id);
    if (own.deletedAt) throw conflict('A deleted observation cannot be shared.');
    if (own.visibility !== 'shared') {
      await this.repos.observations.share(id, this.now());
      await this.audit(actor, 'observation.share', id, {});
    }
    return toContract((await this.repos.observations.findById(id))!);
  }

  /** The actor's own observation; anyone else's is reported as absent. */
  private async own(actor: Actor, id: string): Promise<ObservationRecord> {
    authorize(actor, 'observation.create');
    const o = await this.repos.observations.findById(id);
    if (!o || o.partnershipId !== actor.partnershipId || o.authorId !== actor.personId) throw notFound('The observation');
    return o;
  }

  private audit(actor: Actor, action: string, id: string, detail: Record<string, unknown>) {
    return this.repos.auditLog.append({ ...auditActor(actor), action, entityType: 'observation', entityId: id, detail });
  }

  async get(actor: Actor, id: string): Promise<Observation> {
    const o = await this.repos.observations.findById(id);
    const visible =
      o &&
      o.partnershipId === actor.partnershipId &&
      (o.authorId === actor.personId || (o.visibility === 'shared' && can(actor.role, 'observation.read_shared')));
    // A private observation of someone else is reported as absent, not as forbidden.
    if (!visible) throw notFound('The observation');
    return toContract(o);
  }
}
