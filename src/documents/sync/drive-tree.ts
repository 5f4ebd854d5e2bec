import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { DriveKey } from './mirror-pages.js';

export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  isFolder: boolean;
  deleted: boolean;
}

/**
 * The drive's folders in memory, to turn an item id into its place: the chain of
 * folders above it. Delta gives no paths, so paths are always computed from ids.
 */
export class DriveTree {
  private constructor(private readonly nodes: Map<string, TreeNode>) {}

  static async load(db: Kysely<Database>, key: DriveKey): Promise<DriveTree> {
    const rows = await db
      .selectFrom('drive_items')
      .select(['item_id', 'parent_id', 'name', 'is_folder', 'deleted_at'])
      .where('partnership_id', '=', key.partnershipId)
      .where('source_kind', '=', key.sourceKind)
      .where('drive_id', '=', key.driveId)
      .where('is_folder', '=', true)
      .execute();
    return new DriveTree(
      new Map(rows.map((r) => [r.item_id, { id: r.item_id, parentId: r.parent_id, name: r.name, isFolder: true, deleted: r.deleted_at !== null }])),
    );
  }

  /** Folder ids from the root down to the item's parent, or undefined if a folder above is gone or unknown. */
  ancestors(parentId: string | null): TreeNode[] | undefined {
    const chain: TreeNode[] = [];
    const seen = new Set<string>();
    let id = parentId;
    while (id !== null) {
      if (seen.has(id)) return undefined; // a cycle would be a corrupt feed: treat as unplaced
      seen.add(id);
      const node = this.nodes.get(id);
      if (!node || node.deleted) return undefined;
      chain.unshift(node);
      id = node.parentId;
    }
    return chain;
  }
}
