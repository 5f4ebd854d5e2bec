import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export class CliUsageError extends Error {}

/** The value after a flag, e.g. --forum "Executive". */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new CliUsageError(`--${name} needs a value.`);
  return value;
}

/** The partnership a command acts on: --partnership, or the only one there is. */
export async function choosePartnership(db: Kysely<Database>, args: string[]): Promise<{ id: string; name: string }> {
  const wanted = flag(args, 'partnership');
  const all = await db.selectFrom('partnerships').select(['id', 'name', 'short_name']).orderBy('name').execute();
  if (wanted) {
    const w = wanted.toLowerCase();
    const row = all.find((p) => p.id === wanted || p.name.toLowerCase() === w || p.short_name.toLowerCase() === w);
    const found = row && { id: row.id, name: row.name };
    if (!found) throw new CliUsageError(`There is no partnership "${wanted}". Partnerships: ${all.map((p) => `${p.name} (${p.id})`).join('; ') || 'none'}.`);
    return found;
  }
  if (all.length === 1) return { id: all[0]!.id, name: all[0]!.name };
  if (all.length === 0) throw new CliUsageError('There is no partnership yet: run npx los seed --demo, or create one.');
  throw new CliUsageError(`Say which partnership with --partnership: ${all.map((p) => `${p.name} (${p.id})`).join('; ')}.`);
}

export async function findForum(db: Kysely<Database>, partnershipId: string, name: string): Promise<{ id: string; name: string }> {
  const forums = await db.selectFrom('forums').select(['id', 'name']).where('partnership_id', '=', partnershipId).orderBy('position').execute();
  const found = forums.find((f) => f.name.toLowerCase() === name.toLowerCase() || f.id === name);
  if (!found) throw new CliUsageError(`There is no forum "${name}". Forums: ${forums.map((f) => f.name).join(', ')}.`);
  return found;
}
