/**
 * Pieces shared by the card builders. Pure.
 *
 * Text that people wrote goes into a RichTextBlock's TextRun: Adaptive Cards render a TextRun
 * literally (no markdown), so "**", "[link](…)" or "# " in an answer stay as typed.
 */
export function plainText(text: string, options: { subtle?: boolean; spacing?: string; id?: string } = {}) {
  return {
    type: 'RichTextBlock',
    ...(options.id ? { id: options.id } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
    inlines: [{ type: 'TextRun', text, ...(options.subtle ? { isSubtle: true } : {}) }],
  };
}

/**
 * A notice after an action (sent, refused): literal like plainText, since a refusal can quote what people
 * typed (an action's reference), and coloured by its tone.
 */
export function noticeText(text: string, tone: 'good' | 'attention', options: { bold?: boolean } = {}) {
  return {
    type: 'RichTextBlock',
    spacing: 'Medium',
    inlines: [{ type: 'TextRun', text, color: tone === 'good' ? 'Good' : 'Attention', ...(options.bold ? { weight: 'Bolder' } : {}) }],
  };
}

/** A heading the card itself writes (no user text), read as a heading by screen readers. */
export const heading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Tue 15 December 2026" for a YYYY-MM-DD date. */
export function cardDate(isoDate: string): string {
  const p: Record<string, string> = {};
  for (const part of dateFormat.formatToParts(new Date(`${isoDate}T00:00:00Z`))) if (part.type !== 'literal') p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
/** "22 November 2026 at 10:15" (UK time) for an instant. */
export const cardDateTime = (iso: string) => timeFormat.format(new Date(iso));

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * For the few places where Adaptive Cards only take markdown-read strings (FactSet values):
 * a backslash before each markdown character keeps names such as "*Team* [A]" literal.
 */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (ch) => `\\${ch}`);
