/*
 * A spreadsheet runs a cell that starts with =, +, - or @ (or a tab or carriage return) as a formula.
 * Text we write is prefixed with an apostrophe so that a title typed into the tracker cannot run as one
 * in the business manager's Excel; text we read loses that apostrophe again, so an export imports back
 * to the same text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

/** The text as it is safe to put in a CSV or xlsx cell. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The text a guarded cell stood for. */
export const unguardFormula = (text: string): string => (GUARDED.test(text) ? text.slice(1) : text);
