import type { AuditRecord } from '../storage/repositories/audit-log-repository.js';

const HEADER = ['id', 'at (UTC)', 'who', 'person id', 'surface', 'action', 'record type', 'record id', 'detail'];

/*
 * A spreadsheet runs a cell that starts with =, +, - or @ (and tab or carriage return) as a formula:
 * such cells are prefixed with an apostrophe so that an exported name or detail cannot run as one.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit log as CSV (RFC 4180, CRLF), oldest entry first. */
export function auditCsv(entries: readonly AuditRecord[]): string {
  const lines = [HEADER.map(cell).join(',')];
  for (const e of entries) {
    lines.push(
      [String(e.id), e.at.toISOString(), e.actorLabel, e.actorPersonId ?? '', e.surface, e.action, e.entityType, e.entityId ?? '', JSON.stringify(e.detail)]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
