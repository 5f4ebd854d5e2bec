/**
 * The stand-in's delta feed (GET /drives/{d}/root/delta). Each round is a snapshot taken at its
 * first call, paged with nextLinks and ended by a deltaLink holding the drive's change sequence,
 * so that changes made while a client pages are reported in the next round, never skipped, and no
 * id appears twice within one round. Tokens carry an epoch: expire() makes every earlier token
 * answer 410 Gone with a Location that starts a full enumeration, as Graph does.
 */
import type { DriveModel, ModelDrive, ModelItem } from './drive-model.js';
import { project, renderItem, type Json, type RenderOptions } from './render.js';
import type { ApiResult } from './http-util.js';

export interface DeltaSettings {
  pageSize: number;
  /** Graph returns the parent folders of changed items too (unless `deltaExcludeParent`). */
  includeParents: boolean;
  omitCTag: boolean;
  downloadUrlInDelta: boolean;
}

interface Round {
  driveId: string;
  items: Json[];
  /** The drive's sequence number when the round began: the deltaLink continues from there. */
  untilSeq: number;
}

type Token = { e: number; k: 'd'; s: number } | { e: number; k: 'p'; r: number; o: number };

const encodeToken = (t: Token): string => Buffer.from(JSON.stringify(t)).toString('base64url');

function decodeToken(value: string): Token | undefined {
  try {
    const t = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Token;
    return typeof t.e === 'number' && (t.k === 'd' || t.k === 'p') ? t : undefined;
  } catch {
    return undefined;
  }
}

export interface DeltaQuery {
  select: string[] | undefined;
  expandFields: boolean;
  top: number | undefined;
  /** The query string to carry into nextLink / deltaLink ($select, $expand, $top), already encoded. */
  carry: string;
}

export class DeltaFeed {
  private epoch = 1;
  private readonly rounds = new Map<number, Round>();
  private roundCounter = 0;

  constructor(
    private readonly model: DriveModel,
    private readonly settings: DeltaSettings,
    private readonly downloadUrl: (item: ModelItem) => string,
  ) {}

  /** Every delta and page token issued so far stops working (410 Gone). */
  expire(): void {
    this.epoch += 1;
    this.rounds.clear();
  }

  handle(apiBase: string, driveId: string, token: string | null, query: DeltaQuery): ApiResult {
    const drive = this.model.drive(driveId);
    const link = (t: Token, pathForm = false): string =>
      pathForm
        ? `${apiBase}/drives/${drive.id}/root/delta(token='${encodeToken(t)}')${query.carry ? `?${query.carry}` : ''}`
        : `${apiBase}/drives/${drive.id}/root/delta?token=${encodeToken(t)}${query.carry ? `&${query.carry}` : ''}`;

    let round: Round;
    let roundId: number;
    let offset = 0;
    if (token === null || token === 'latest') {
      if (token === 'latest') return { status: 200, json: { value: [], '@odata.deltaLink': link({ e: this.epoch, k: 'd', s: drive.seq }) } };
      [roundId, round] = this.begin(drive, 0, query);
    } else {
      const t = decodeToken(token);
      const known = t && t.e === this.epoch && (t.k === 'd' || this.rounds.has(t.r));
      if (!t || !known) {
        return {
          status: 410,
          headers: { Location: link({ e: this.epoch, k: 'd', s: 0 }) },
          json: {
            error: {
              code: 'resyncRequired',
              message: 'Resync required. Replace any local items with the server version (including deletes) if you are sure that the service was up to date with your local changes when you last sync-ed.',
              innerError: { code: 'resyncChangesApplyDifferences' },
            },
          },
        };
      }
      if (t.k === 'd') [roundId, round] = this.begin(drive, t.s, query);
      else {
        roundId = t.r;
        round = this.rounds.get(t.r) as Round;
        offset = t.o;
      }
    }
    const size = Math.max(1, Math.min(query.top ?? this.settings.pageSize, this.settings.pageSize));
    const value = round.items.slice(offset, offset + size);
    const end = offset + size >= round.items.length;
    const json: Json = { '@odata.context': `${apiBase}/$metadata#Collection(driveItem)`, value };
    if (end) {
      this.rounds.delete(roundId);
      json['@odata.deltaLink'] = link({ e: this.epoch, k: 'd', s: round.untilSeq });
    } else {
      // Graph documents both link forms; nextLinks use the `delta(token='…')` one.
      json['@odata.nextLink'] = link({ e: this.epoch, k: 'p', r: roundId, o: offset + size }, true);
    }
    return { status: 200, json };
  }

  private begin(drive: ModelDrive, sinceSeq: number, query: DeltaQuery): [number, Round] {
    const options: RenderOptions = {
      omitCTag: this.settings.omitCTag,
      downloadUrl: this.settings.downloadUrlInDelta ? this.downloadUrl : undefined,
      expandFields: query.expandFields,
    };
    const chosen = sinceSeq === 0 ? this.everything(drive) : this.changedSince(drive, sinceSeq);
    const round: Round = {
      driveId: drive.id,
      items: chosen.map((item) => project(renderItem(this.model, item, options), query.select)),
      untilSeq: drive.seq,
    };
    this.roundCounter += 1;
    this.rounds.set(this.roundCounter, round);
    return [this.roundCounter, round];
  }

  /** A full enumeration: the live hierarchy, parents before children. */
  private everything(drive: ModelDrive): ModelItem[] {
    // Breadth-first: the output array is its own queue.
    const out: ModelItem[] = [drive.items.get(drive.rootId) as ModelItem];
    for (let i = 0; i < out.length; i++) {
      const item = out[i] as ModelItem;
      if (item.isFolder) out.push(...this.model.liveChildren(drive, item.id));
    }
    return out;
  }

  /** Items changed after `sinceSeq` (tombstones included), in change order, each with its parents first. */
  private changedSince(drive: ModelDrive, sinceSeq: number): ModelItem[] {
    const changed = [...drive.items.values()].filter((i) => i.seq > sinceSeq).sort((a, b) => a.seq - b.seq);
    const out: ModelItem[] = [];
    const emitted = new Set<string>();
    for (const item of changed) {
      if (this.settings.includeParents && !item.deleted) {
        const chain: ModelItem[] = [];
        for (let p = item.parentId ? drive.items.get(item.parentId) : undefined; p; p = p.parentId ? drive.items.get(p.parentId) : undefined) {
          chain.unshift(p);
        }
        for (const parent of chain) {
          if (!emitted.has(parent.id)) {
            emitted.add(parent.id);
            out.push(parent);
          }
        }
      }
      if (!emitted.has(item.id)) {
        emitted.add(item.id);
        out.push(item);
      }
    }
    return out;
  }
}
