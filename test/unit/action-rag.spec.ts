import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { actionRag, DEFAULT_RAG_THRESHOLDS, describeRagRule, isOverdue, type RagInput } from '../../src/domain/action-rag.js';
import { ukCalendarDay } from '../../src/domain/uk-date.js';

const today = '2026-11-22';
const rag = (percentComplete: number, dueDate: string | null = '2026-12-31', status: RagInput['status'] = 'in_progress') =>
  actionRag({ status, percentComplete, dueDate }, today);

describe('an action\'s RAG (default rule)', () => {
  it('bands per cent done: up to 25 red, 26–75 amber, over 75 green', () => {
    expect([0, 25, 26, 50, 75, 76, 100].map((p) => rag(p))).toEqual(['red', 'red', 'amber', 'amber', 'amber', 'green', 'green']);
  });

  it('makes an overdue action under 50% red, and leaves one at 50% or more to the bands', () => {
    const yesterday = '2026-11-21';
    expect(rag(49, yesterday)).toBe('red');
    expect(rag(50, yesterday)).toBe('amber');
    expect(rag(75, yesterday)).toBe('amber');
    expect(rag(76, yesterday)).toBe('green');
  });

  it('does not count an action due today as overdue', () => {
    expect(isOverdue(today, today)).toBe(false);
    expect(rag(49, today)).toBe('amber');
    expect(isOverdue('2026-11-21', today)).toBe(true);
  });

  it('never makes an action with no due date overdue', () => {
    expect(isOverdue(null, today)).toBe(false);
    expect(rag(30, null)).toBe('amber');
  });

  it('makes complete green whatever its per cent, and gives withdrawn no RAG', () => {
    expect(rag(10, '2020-01-01', 'complete')).toBe('green');
    expect(rag(90, '2030-01-01', 'withdrawn')).toBeNull();
    expect(rag(0, '2020-01-01', 'withdrawn')).toBeNull();
  });

  it('treats proposed complete and not started by the same rule until sign-off', () => {
    expect(rag(100, '2020-01-01', 'proposed_complete')).toBe('green');
    expect(rag(40, '2020-01-01', 'proposed_complete')).toBe('red');
    expect(rag(0, null, 'not_started')).toBe('red');
  });

  it('judges "overdue" by the UK calendar day, not the server\'s', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    expect(ukCalendarDay(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(actionRag({ status: 'in_progress', percentComplete: 10, dueDate: '2026-03-31' }, ukCalendarDay(new Date('2026-03-31T23:30:00Z')))).toBe('red');
    expect(actionRag({ status: 'in_progress', percentComplete: 30, dueDate: '2026-03-31' }, ukCalendarDay(new Date('2026-03-31T22:30:00Z')))).toBe('amber');
  });

  it('describes the rule in words', () => {
    expect(describeRagRule(DEFAULT_RAG_THRESHOLDS)).toBe(
      'Overdue and under 50% complete is red; otherwise up to 25% is red, 26–75% amber, over 75% green. Complete is green; withdrawn has no RAG.',
    );
  });
});

describe('a configured RAG rule', () => {
  const t = { redMaxPercent: 10, amberMaxPercent: 90, overdueRedBelowPercent: 0 };

  it('moves the boundaries and can turn "overdue is red" off', () => {
    const at = (p: number, due: string | null) => actionRag({ status: 'in_progress', percentComplete: p, dueDate: due }, today, t);
    expect([10, 11, 90, 91].map((p) => at(p, null))).toEqual(['red', 'amber', 'amber', 'green']);
    expect(at(20, '2020-01-01')).toBe('amber');
  });

  it('is read from RAG_* variables, with the defaults when unset', () => {
    expect(loadConfig({}, '/x').actionRag).toEqual(DEFAULT_RAG_THRESHOLDS);
    expect(loadConfig({ RAG_RED_MAX_PERCENT: '10', RAG_AMBER_MAX_PERCENT: '90', RAG_OVERDUE_RED_BELOW_PERCENT: '0' }, '/x').actionRag).toEqual(t);
  });

  it.each([
    [{ RAG_RED_MAX_PERCENT: 'ten' }, 'RAG_RED_MAX_PERCENT', /whole number of per cent/],
    [{ RAG_AMBER_MAX_PERCENT: '101' }, 'RAG_AMBER_MAX_PERCENT', /at most 100/],
    [{ RAG_OVERDUE_RED_BELOW_PERCENT: '-1' }, 'RAG_OVERDUE_RED_BELOW_PERCENT', /0 \(overdue alone is never red\) or more/],
    [{ RAG_RED_MAX_PERCENT: '60', RAG_AMBER_MAX_PERCENT: '50' }, 'RAG_AMBER_MAX_PERCENT', /at least RAG_RED_MAX_PERCENT \(60\)/],
  ])('refuses a bad value, naming the variable (%o)', (env, variable, message) => {
    let error: unknown;
    try {
      loadConfig(env, '/x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problem = (error as ConfigError).problems.find((p) => p.variable === variable);
    expect(problem?.problem).toMatch(message);
  });
});
