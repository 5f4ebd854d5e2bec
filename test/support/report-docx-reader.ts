import mammoth from 'mammoth';

export interface ReadDocx {
  html: string;
  /** Plain text of the whole document. */
  text: string;
  headings: { level: number; text: string }[];
  /** Every hyperlink's target, internal ones as `#bookmark`. */
  links: { href: string; text: string }[];
  /** Bookmarks (mammoth writes them as `<a id>`). */
  anchors: string[];
  tables: number;
}

const strip = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** A generated Word document read back as a person's reader would see it: through mammoth, as HTML. */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return {
    html,
    text,
    headings: [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: strip(m[2]!) })),
    links: [...html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), text: strip(m[2]!) })),
    anchors: [...html.matchAll(/<a id="([^"]*)"/g)].map((m) => m[1]!),
    tables: [...html.matchAll(/<table>/g)].length,
  };
}
