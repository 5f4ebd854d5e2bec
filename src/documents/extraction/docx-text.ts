/**
 * Text of a Word (.docx) document, split into pages, with mammoth.
 *
 * Why HTML and a style map rather than mammoth's document transforms: the style map ("br[type='page'] => hr")
 * and the HTML it produces are mammoth's documented, stable interface, while its README calls the document
 * model behind transforms unstable between any two versions. Mammoth's HTML is simple and regular (see
 * html-to-pages.ts), so turning it into text is a few predictable substitutions.
 *
 * Pages come from word-page-breaks.ts: Word's own last layout when the file carries it, otherwise the explicit
 * page breaks; a document with neither is one page. Headers, footers and text boxes are not read (mammoth reads
 * the body, footnotes and endnotes; notes come at the end of the last page).
 */

import mammoth from 'mammoth';
import { htmlToPages } from './html-to-pages.js';
import { reasons } from './reasons.js';
import type { ExtractionLimits, ExtractionResult } from './types.js';
import { countPageBreaks, promoteRenderedBreaks, shouldUseRenderedBreaks } from './word-page-breaks.js';
import { listZipEntries, readZipEntry, replaceZipEntry, type ZipEntry } from './zip-entries.js';

const MAIN_PART = 'word/document.xml';

const MAMMOTH_OPTIONS = {
  styleMap: ["br[type='page'] => hr"],
  // A document's own embedded style map could map other things to <hr> (false page breaks) or drop text.
  includeEmbeddedStyleMap: false,
  // Pictures are not text; without this mammoth would base64 every one of them into the HTML.
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
};

/** OLE compound files: the container of Word 97-2003 files and of password-protected Office files of any age. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isCompoundFile = (bytes: Uint8Array): boolean => COMPOUND_FILE.every((b, i) => bytes[i] === b);
/** An encrypted .docx is a compound file holding a stream named "EncryptedPackage" (stored in UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const holdsEncryptedPackage = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);

/**
 * The package with Word's rendered page breaks made explicit, when they are usable; otherwise the original.
 * Undefined when the main document cannot be unpacked: damaged, or larger than its declared size (a zip bomb).
 */
function withBestPageBreaks(bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array | undefined {
  const main = entries.find((e) => e.name === MAIN_PART);
  if (!main) return bytes; // unusual package layout: mammoth finds the main part through the relationships
  const xmlBytes = readZipEntry(bytes, main);
  if (!xmlBytes) return undefined;
  const xml = Buffer.from(xmlBytes.buffer, xmlBytes.byteOffset, xmlBytes.byteLength).toString('utf8');
  if (!shouldUseRenderedBreaks(countPageBreaks(xml))) return bytes;
  return replaceZipEntry(bytes, entries, MAIN_PART, Buffer.from(promoteRenderedBreaks(xml), 'utf8')) ?? bytes;
}

export async function docxPages(bytes: Uint8Array, fileName: string, limits: ExtractionLimits): Promise<ExtractionResult> {
  try {
    return await readWord(bytes, fileName, limits);
  } catch {
    // Damaged XML, a damaged zip entry, or no main document: whatever mammoth trips on is about this file.
    return { status: 'failed', code: 'corrupt', reason: reasons.wordCorrupt(fileName) };
  }
}

async function readWord(bytes: Uint8Array, fileName: string, limits: ExtractionLimits): Promise<ExtractionResult> {
  const corrupt: ExtractionResult = { status: 'failed', code: 'corrupt', reason: reasons.wordCorrupt(fileName) };
  if (isCompoundFile(bytes)) {
    return holdsEncryptedPackage(bytes)
      ? { status: 'failed', code: 'encrypted', reason: reasons.wordEncrypted(fileName) }
      : { status: 'failed', code: 'corrupt', reason: reasons.wordLegacy(fileName) };
  }
  const entries = listZipEntries(bytes);
  if (!entries) return corrupt;
  // Mammoth holds the XML parts as trees in memory, so their unpacked size is held to the same limit as a file's
  // (this also stops a "zip bomb" early). Pictures are never unpacked, so they do not count.
  const xmlSize = entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).reduce((n, e) => n + e.size, 0);
  if (xmlSize > limits.maxBytes) return { status: 'failed', code: 'too_large', reason: reasons.wordTooLarge(fileName) };

  const prepared = withBestPageBreaks(bytes, entries);
  if (!prepared) return corrupt;
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength) }, MAMMOTH_OPTIONS);
  const pages = htmlToPages(html);
  if (pages.every((p) => p === '')) return { status: 'failed', code: 'empty', reason: reasons.wordNoText(fileName) };
  if (pages.length > limits.maxPages) {
    return { status: 'extracted', pages: pages.slice(0, limits.maxPages), warnings: [reasons.pagesLeftOut(pages.length, limits.maxPages)] };
  }
  return { status: 'extracted', pages };
}
