import type { ActionSource, ActionStatus } from '../domain/vocabulary.js';
import { checkEvidenceLink } from '../domain/evidence-links.js';
import { type Cell, columnLetter, isBlankRow, type Row } from '../tabular/table.js';
import { IMPORT_FIELD_INFO, IMPORT_FIELDS, type ImportField } from '../domain/action-import-fields.js';
import { type Match, NameIndex, type Named } from './match-names.js';
import { nameKey, type Parsed, parseDueDate, parseEvidence, parsePercent, parseSource, parseStatus, textOf } from './parse-values.js';
import type { ColumnMapping } from './suggest-mapping.js';

/**
 * Every row of a sheet checked against the partnership, and what importing it would do: create an action,
 * update one, or leave one as it is. Nothing here writes; the import service commits the plan whole. Pure.
 */

/** The tracker's own values of an action, as an import sets them. */
export interface ActionValues {
  reference: string;
  title: string;
  description: string;
  source: ActionSource;
  sourceRef: string | null;
  areaId: string | null;
  ownerId: string | null;
  agencyId: string | null;
  forumId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
}

export interface ExistingAction extends ActionValues {
  id: string;
  evidenceUrls: string[];
  lastUpdate: string | null;
}

export interface ImportLookups {
  people: { id: string; displayName: string; email: string | null; isActive: boolean; agencyId: string | null }[];
  agencies: { id: string; name: string }[];
  areas: { id: string; key: string; title: string; position: number }[];
  forums: { id: string; name: string }[];
  existing: ExistingAction[];
}

export interface PlanOptions {
  mapping: ColumnMapping;
  /** 0-based index of the header row; data starts below it. */
  headerRow: number;
  headers: readonly string[];
  /** A reference already in the tracker updates that action (else it is an error). */
  updateExisting: boolean;
  /** The source of rows whose source cell is empty (or of every row, with no source column). */
  defaultSource?: ActionSource;
  maxRows: number;
  /** Who imports: they may not sign off an action they own (the tracker's independence rule). */
  actorPersonId?: string;
}

export interface RowError {
  /** The spreadsheet's row number; null for a problem with the mapping itself. */
  row: number | null;
  /** The column's header, as the file has it. */
  column: string | null;
  field: ImportField | null;
  message: string;
}

export type RowPlan =
  | { kind: 'create'; row: number; values: ActionValues; evidence: string[]; update: string | null }
  | { kind: 'update'; row: number; id: string; reference: string; changes: Partial<ActionValues>; before: Partial<ActionValues>; evidence: string[]; update: string | null; signOff: boolean }
  | { kind: 'unchanged'; row: number; id: string; reference: string };

export interface ImportPlan {
  dataRows: number;
  rows: RowPlan[];
  errors: RowError[];
}

export const LIMITS = { reference: 40, title: 2000, description: 10_000, sourceRef: 200, update: 10_000 } as const;

/** A checked plan, or the reasons there is none. */
export function planImport(sheetRows: readonly Row[], lookups: ImportLookups, options: PlanOptions): ImportPlan {
  const errors: RowError[] = mappingErrors(options);
  if (errors.length > 0) return { dataRows: 0, rows: [], errors };

  const ctx = new RowChecker(lookups, options);
  const rows: RowPlan[] = [];
  let dataRows = 0;
  const seen = new Map<string, number>();
  for (let i = options.headerRow + 1; i < sheetRows.length; i++) {
    const row = sheetRows[i];
    if (isBlankRow(row)) continue;
    dataRows += 1;
    if (dataRows > options.maxRows) {
      return { dataRows, rows: [], errors: [{ row: null, column: null, field: null, message: `The sheet has more than ${options.maxRows.toLocaleString('en-GB')} actions: at most that many can be imported at once. Split the file.` }] };
    }
    const from = ctx.errors.length;
    const plan = ctx.check(row!, i + 1, seen);
    if (plan) rows.push(plan);
    // A row's errors read left to right, as its columns do.
    if (ctx.errors.length - from > 1) {
      const at = (e: RowError) => (e.field && options.mapping[e.field] !== undefined ? options.mapping[e.field]! : Infinity);
      ctx.errors.splice(from, Infinity, ...ctx.errors.slice(from).sort((a, b) => at(a) - at(b)));
    }
  }
  errors.push(...ctx.errors);
  if (dataRows === 0) errors.push({ row: null, column: null, field: null, message: 'There are no actions below the header row.' });
  return { dataRows, rows, errors };
}

function mappingErrors(o: PlanOptions): RowError[] {
  const errors: RowError[] = [];
  const used = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const col = o.mapping[field];
    if (col === undefined) {
      if (IMPORT_FIELD_INFO[field].required) errors.push({ row: null, column: null, field, message: `Choose the column that holds the ${IMPORT_FIELD_INFO[field].label.toLowerCase()} of each action.` });
      continue;
    }
    if (!Number.isInteger(col) || col < 0 || col >= Math.max(o.headers.length, 1)) {
      errors.push({ row: null, column: null, field, message: `${IMPORT_FIELD_INFO[field].label} is set to column ${Number.isInteger(col) && col >= 0 ? columnLetter(col) : col}, which the sheet does not have.` });
      continue;
    }
    const other = used.get(col);
    if (other) errors.push({ row: null, column: columnName(o.headers, col), field, message: `Column ${headerOf(o.headers, col)} is chosen for both ${IMPORT_FIELD_INFO[other].label} and ${IMPORT_FIELD_INFO[field].label}: choose one.` });
    used.set(col, field);
  }
  return errors;
}

/** A column as the file names it: its header, else its letter ("column C"). */
export const columnName = (headers: readonly string[], col: number) => headers[col] || `column ${columnLetter(col)}`;
const headerOf = (headers: readonly string[], col: number) => (headers[col] ? `"${headers[col]}"` : `column ${columnLetter(col)}`);

/** The checks of one row, with the partnership's names indexed once. */
class RowChecker {
  readonly errors: RowError[] = [];
  private readonly people: NameIndex<Named & { isActive: boolean; agencyId: string | null }>;
  private readonly agencies: NameIndex<Named>;
  private readonly areas: NameIndex<Named>;
  private readonly forums: NameIndex<Named>;
  private readonly existing = new Map<string, ExistingAction>();

  constructor(
    lookups: ImportLookups,
    private readonly o: PlanOptions,
  ) {
    this.people = new NameIndex(lookups.people.map((p) => ({ id: p.id, names: [p.displayName, ...(p.email ? [p.email] : [])], label: p.displayName, isActive: p.isActive, agencyId: p.agencyId })));
    this.agencies = new NameIndex(lookups.agencies.map((a) => ({ id: a.id, names: [a.name], label: a.name })));
    this.areas = new NameIndex(lookups.areas.map((a) => ({ id: a.id, names: [a.title, a.key, String(a.position), `${a.position}. ${a.title}`, `${a.position} ${a.title}`, `area ${a.position}`], label: `${a.position}. ${a.title}` })));
    this.forums = new NameIndex(lookups.forums.map((f) => ({ id: f.id, names: [f.name], label: f.name })));
    for (const a of lookups.existing) this.existing.set(nameKey(a.reference), a);
  }

  private cell(row: Row, field: ImportField): Cell | null | undefined {
    const col = this.o.mapping[field];
    return col === undefined ? undefined : row[col];
  }

  private mapped = (field: ImportField) => this.o.mapping[field] !== undefined;

  private fail(rowNumber: number, field: ImportField, message: string): void {
    this.errors.push({ row: rowNumber, column: columnName(this.o.headers, this.o.mapping[field]!), field, message });
  }

  /** A parsed cell, or undefined after recording its error. Formulas and Excel errors are refused first. */
  private parse<T>(row: Row, rowNumber: number, field: ImportField, parser: (c: Cell | null | undefined) => Parsed<T>): { value: T } | undefined {
    const c = this.cell(row, field);
    if (c?.kind === 'formula') {
      this.fail(rowNumber, field, `holds a formula (=${c.formula.slice(0, 40)}) and the file does not say what it comes to: in Excel, copy the column and paste it back as values.`);
      return undefined;
    }
    if (c?.kind === 'error') {
      this.fail(rowNumber, field, `holds the Excel error ${c.text}: correct it in the spreadsheet, or clear the cell.`);
      return undefined;
    }
    const r = parser(c);
    if (!r.ok) {
      this.fail(rowNumber, field, r.message);
      return undefined;
    }
    return { value: r.value };
  }

  private text(row: Row, rowNumber: number, field: ImportField, max: number): { value: string } | undefined {
    const r = this.parse(row, rowNumber, field, (c) => ({ ok: true, value: textOf(c) }));
    if (r && r.value.length > max) {
      this.fail(rowNumber, field, `is ${r.value.length.toLocaleString('en-GB')} characters long: at most ${max.toLocaleString('en-GB')} are allowed.`);
      return undefined;
    }
    return r;
  }

  /** The id a name cell names, null for an empty cell, undefined after an error. */
  private named<T extends Named>(row: Row, rowNumber: number, field: ImportField, index: NameIndex<T>, what: string, fix: string): { value: T | null } | undefined {
    const r = this.parse(row, rowNumber, field, (c) => ({ ok: true, value: textOf(c) }));
    if (!r) return undefined;
    if (!r.value) return { value: null };
    const m: Match<T> = index.match(r.value);
    if ('found' in m) return { value: m.found };
    if ('ambiguous' in m) {
      this.fail(rowNumber, field, `${what} "${r.value}" is ambiguous: ${m.ambiguous.length} match (${m.ambiguous.map((x) => x.label).join('; ')}). ${field === 'owner' ? 'Use their email address instead.' : 'Use the full name.'}`);
      return undefined;
    }
    const plural = what === 'agency' ? 'agencies' : `${what}s`;
    const hint = m.closest ? ` Did you mean "${m.closest.label}"?` : index.size > 0 && index.size <= 12 ? ` The partnership's ${plural} are: ${index.labels().join('; ')}.` : '';
    this.fail(rowNumber, field, `unknown ${what} "${r.value}": there is no ${what} of that name in this partnership.${hint} ${fix}`);
    return undefined;
  }

  check(row: Row, rowNumber: number, seen: Map<string, number>): RowPlan | undefined {
    const before = this.errors.length;
    const ref = this.text(row, rowNumber, 'reference', LIMITS.reference);
    let existing: ExistingAction | undefined;
    if (ref) {
      if (!ref.value) this.fail(rowNumber, 'reference', 'is empty: every action needs a reference.');
      else {
        const key = nameKey(ref.value);
        const earlier = seen.get(key);
        if (earlier !== undefined) this.fail(rowNumber, 'reference', `"${ref.value}" is also the reference on row ${earlier}: each action needs its own reference.`);
        else seen.set(key, rowNumber);
        existing = this.existing.get(key);
        if (existing && !this.o.updateExisting) {
          this.fail(rowNumber, 'reference', `"${ref.value}" is already in the tracker. Choose to update existing actions to update it from this file, or give this row a new reference.`);
        }
      }
    }
    const title = this.text(row, rowNumber, 'title', LIMITS.title);
    if (title && !title.value) this.fail(rowNumber, 'title', 'is empty: every action needs its text.');
    const description = this.mapped('description') ? this.text(row, rowNumber, 'description', LIMITS.description) : undefined;
    const sourceRef = this.mapped('sourceRef') ? this.text(row, rowNumber, 'sourceRef', LIMITS.sourceRef) : undefined;
    const update = this.mapped('update') ? this.text(row, rowNumber, 'update', LIMITS.update) : undefined;
    const source = this.mapped('source') ? this.parse(row, rowNumber, 'source', parseSource) : undefined;
    const due = this.mapped('dueDate') ? this.parse(row, rowNumber, 'dueDate', parseDueDate) : undefined;
    const status = this.mapped('status') ? this.parse(row, rowNumber, 'status', parseStatus) : undefined;
    const percent = this.mapped('percentComplete') ? this.parse(row, rowNumber, 'percentComplete', parsePercent) : undefined;
    const evidence = this.mapped('evidence') ? this.parse(row, rowNumber, 'evidence', parseEvidence) : undefined;
    const owner = this.mapped('owner') ? this.named(row, rowNumber, 'owner', this.people, 'owner', 'Add them to the partnership first, use the name they have in Line of Sight, or leave the cell empty.') : undefined;
    if (owner?.value && !owner.value.isActive) {
      this.fail(rowNumber, 'owner', `${owner.value.label} is no longer active in this partnership: choose who owns the action now.`);
    }
    const agency = this.mapped('agency') ? this.named(row, rowNumber, 'agency', this.agencies, 'agency', 'Add the agency to the partnership first, or use its name as Line of Sight has it.') : undefined;
    const area = this.mapped('area') ? this.named(row, rowNumber, 'area', this.areas, 'checklist area', 'Use the area\'s name or number.') : undefined;
    const forum = this.mapped('forum') ? this.named(row, rowNumber, 'forum', this.forums, 'forum', 'Use the forum\'s name as Line of Sight has it, or leave the cell empty.') : undefined;
    if (this.errors.length > before || !ref || !title) return undefined;

    const chosenSource = source?.value ?? this.o.defaultSource ?? null;
    const urls = evidence?.value ?? [];
    // New evidence meets the tracker's rule (a SharePoint link), as on every other surface; a link the
    // action already has is kept as it is.
    const known = new Set((existing?.evidenceUrls ?? []).map(sameUrl));
    for (const url of urls) {
      if (known.has(sameUrl(url))) continue;
      const checked = checkEvidenceLink(url);
      if (!checked.ok) {
        this.fail(rowNumber, 'evidence', `"${url}" ${checked.reason}`);
        return undefined;
      }
    }
    const updateText = update?.value ? update.value : null;

    if (!existing) {
      if (!chosenSource) {
        if (this.mapped('source')) this.fail(rowNumber, 'source', 'is empty: say where the action came from, or choose a source for rows without one.');
        else this.errors.push({ row: rowNumber, column: null, field: 'source', message: 'has no source: choose the column that holds it, or a source for every row.' });
        return undefined;
      }
      const st = status?.value ?? 'not_started';
      if (st === 'complete' && urls.length === 0) {
        this.fail(rowNumber, this.mapped('evidence') ? 'evidence' : 'status', 'is complete but has no evidence: no action is signed off without evidence. Add a link in the evidence column, or import it as proposed complete.');
        return undefined;
      }
      const ownerRow = owner?.value ?? null;
      if (st === 'complete' && ownerRow && ownerRow.id === this.o.actorPersonId) {
        this.fail(rowNumber, 'status', `is complete, and you own ${ref.value}: someone else, the scrutineer or a business manager, must sign it off. Import it as proposed complete.`);
        return undefined;
      }
      const values: ActionValues = {
        reference: ref.value,
        title: title.value,
        description: description?.value ?? '',
        source: chosenSource,
        sourceRef: sourceRef?.value || null,
        areaId: area?.value?.id ?? null,
        ownerId: ownerRow?.id ?? null,
        // With no agency column, the owner's agency: what the tracker would show anyway.
        agencyId: this.mapped('agency') ? (agency?.value?.id ?? null) : (ownerRow?.agencyId ?? null),
        forumId: forum?.value?.id ?? null,
        dueDate: due?.value ?? null,
        status: st,
        percentComplete: percent?.value ?? (st === 'complete' ? 100 : 0),
      };
      return { kind: 'create', row: rowNumber, values, evidence: urls, update: updateText };
    }

    // An update changes only what the file has a column for; an empty cell clears what may be empty.
    const next: Partial<ActionValues> = { title: title.value };
    if (description) next.description = description.value;
    if (source?.value) next.source = source.value;
    if (sourceRef) next.sourceRef = sourceRef.value || null;
    if (area) next.areaId = area.value?.id ?? null;
    if (owner) next.ownerId = owner.value?.id ?? null;
    if (agency) next.agencyId = agency.value?.id ?? null;
    if (forum) next.forumId = forum.value?.id ?? null;
    if (due) next.dueDate = due.value;
    if (status?.value) next.status = status.value;
    if (percent && percent.value !== null) next.percentComplete = percent.value;
    const changes: Partial<ActionValues> = {};
    const was: Partial<ActionValues> = {};
    for (const [k, v] of Object.entries(next) as [keyof ActionValues, ActionValues[keyof ActionValues]][]) {
      if (existing[k] !== v) {
        (changes as Record<string, unknown>)[k] = v;
        (was as Record<string, unknown>)[k] = existing[k];
      }
    }
    const newEvidence = urls.filter((u) => !known.has(sameUrl(u)));
    const newUpdate = updateText !== null && updateText !== existing.lastUpdate ? updateText : null;
    const finalStatus = changes.status ?? existing.status;
    const changing = Object.keys(changes).length > 0 || newEvidence.length > 0 || newUpdate !== null;
    // The tracker's own rules hold for an import too: a signed-off action is closed, and a proposed one waits for its sign-off.
    if (changing && existing.status === 'complete') {
      this.fail(rowNumber, 'reference', `"${existing.reference}" is signed off (complete) in the tracker and can no longer be changed: make this row match it, or remove the row.`);
      return undefined;
    }
    if (changes.status && existing.status === 'proposed_complete') {
      this.fail(rowNumber, 'status', `cannot change: "${existing.reference}" is proposed complete and waits for the scrutineer or business manager to sign it off or decline it in the tracker.`);
      return undefined;
    }
    if (changes.status === 'complete' && (changes.ownerId ?? existing.ownerId) === this.o.actorPersonId) {
      this.fail(rowNumber, 'status', `would sign off "${existing.reference}", which you own: someone else, the scrutineer or a business manager, must sign it off.`);
      return undefined;
    }
    if (changes.status === 'complete' && existing.evidenceUrls.length + newEvidence.length === 0) {
      this.fail(rowNumber, this.mapped('evidence') ? 'evidence' : 'status', 'would make the action complete but it has no evidence: no action is signed off without evidence. Add a link in the evidence column.');
      return undefined;
    }
    if (!changing) return { kind: 'unchanged', row: rowNumber, id: existing.id, reference: existing.reference };
    return { kind: 'update', row: rowNumber, id: existing.id, reference: existing.reference, changes, before: was, evidence: newEvidence, update: newUpdate, signOff: changes.status === 'complete' && finalStatus === 'complete' };
  }
}

const sameUrl = (u: string) => {
  try {
    return new URL(u).toString();
  } catch {
    return u;
  }
};
