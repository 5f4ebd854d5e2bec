import { describe, expect, it } from 'vitest';
import { can, OPERATIONS, operationsFor, PERMISSIONS } from '../../src/domain/permissions.js';
import { ROLES } from '../../src/domain/vocabulary.js';

describe('the permission table', () => {
  it('has a row for every role, naming only known operations', () => {
    for (const role of ROLES) for (const op of PERMISSIONS[role]) expect(OPERATIONS).toContain(op);
  });

  it('lets only the scrutineer and the business manager sign off actions', () => {
    expect(ROLES.filter((r) => can(r, 'action.sign_off')).sort()).toEqual(['business_manager', 'scrutineer']);
  });

  it('lets only the scrutineer capture observations and draft reports', () => {
    expect(ROLES.filter((r) => can(r, 'observation.create'))).toEqual(['scrutineer']);
    expect(ROLES.filter((r) => can(r, 'report.draft'))).toEqual(['scrutineer']);
  });

  it('gives partners their own challenges and actions only, not everyone\'s', () => {
    for (const role of ['subgroup_chair', 'partner_member'] as const) {
      expect(can(role, 'challenge.read_own')).toBe(true);
      expect(can(role, 'challenge.read_all')).toBe(false);
      expect(can(role, 'action.read_all')).toBe(false);
      expect(can(role, 'challenge.respond')).toBe(true);
    }
  });

  it('gives read-only people no operation that changes anything', () => {
    const writes = operationsFor('read_only').filter((op) => !/\.read/.test(op));
    expect(writes).toEqual([]);
  });

  it('keeps the audit log to the business manager', () => {
    expect(ROLES.filter((r) => can(r, 'audit.read'))).toEqual(['business_manager']);
  });
});
