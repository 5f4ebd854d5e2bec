/** Help for `npx los actions`. */
export const ACTIONS_USAGE = `Usage:
  npx los actions import FILE [--partnership ID|NAME] [--sheet NAME] [--header-row N]
                              [--map FIELD=HEADER ...] [--default-source SOURCE] [--update-existing] [--dry-run]
  npx los actions export --out FILE [--format xlsx|csv] [--partnership ID|NAME]
                         [--status S] [--source S] [--rag red|amber|green] [--area A] [--agency A] [--owner NAME] [--search WORDS]

import  Reads an existing tracker (.xlsx or CSV), checks every row against the partnership, and adds its
        actions in one go: if any row has an error, each is listed and nothing is imported (exit code 1).
        Columns are matched to fields by their headers; --map overrides one (FIELD=HEADER, or FIELD= to
        leave it out). Fields: reference, title, description, source, sourceRef, area, owner, agency,
        forum, dueDate, status, percentComplete, evidence, update. A RAG column is not imported: the
        tracker works it out. A reference already in the tracker is an error unless --update-existing.
        --dry-run checks and reports without importing.
export  Writes the tracker (or the actions matching the filters) as an Excel workbook or a CSV file.`;
