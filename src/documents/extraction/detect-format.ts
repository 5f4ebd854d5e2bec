/**
 * Decides how a file's text is read, from its bytes, its MIME type and its name, in that order of trust:
 * a PDF converted by Graph (?format=pdf) may arrive still named "Paper.pptx", and SharePoint often labels files
 * application/octet-stream, so the content's own signature wins, then a specific MIME type, then the extension.
 */

export type DocumentFormat =
  | { kind: 'pdf' }
  | { kind: 'word' }
  /** An Office or OpenDocument file that Graph's ?format=pdf can convert; `label` reads "a PowerPoint presentation". */
  | { kind: 'convert'; label: string }
  | { kind: 'unsupported' };

const WORD: DocumentFormat = { kind: 'word' };
const convert = (label: string): DocumentFormat => ({ kind: 'convert', label });
const WORD_97 = convert('a Word 97-2003 document');
const POWERPOINT = convert('a PowerPoint presentation');
const EXCEL = convert('an Excel workbook');

/** Word packages mammoth reads directly (documents and templates, with or without macros: same XML inside). */
const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: { kind: 'pdf' },
  docx: WORD, docm: WORD, dotx: WORD, dotm: WORD,
  // Exactly the sources Graph's ?format=pdf accepts (Microsoft Graph "driveItem: get content format"), bar docx.
  doc: WORD_97, rtf: convert('a Rich Text document'), odt: convert('an OpenDocument text document'),
  ppt: POWERPOINT, pptx: POWERPOINT, pptm: POWERPOINT, pps: POWERPOINT, ppsx: POWERPOINT, ppsxm: POWERPOINT,
  pot: POWERPOINT, potx: POWERPOINT, potm: POWERPOINT, odp: convert('an OpenDocument presentation'),
  xls: EXCEL, xlsx: EXCEL, csv: convert('a CSV spreadsheet'), ods: convert('an OpenDocument spreadsheet'),
};

const BY_MIME: Record<string, DocumentFormat> = {
  'application/pdf': { kind: 'pdf' },
  'application/x-pdf': { kind: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': WORD,
  'application/vnd.ms-word.document.macroenabled.12': WORD,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template': WORD,
  'application/msword': WORD_97,
  'application/rtf': convert('a Rich Text document'),
  'text/rtf': convert('a Rich Text document'),
  'application/vnd.oasis.opendocument.text': convert('an OpenDocument text document'),
  'application/vnd.ms-powerpoint': POWERPOINT,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': POWERPOINT,
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow': POWERPOINT,
  'application/vnd.ms-powerpoint.presentation.macroenabled.12': POWERPOINT,
  'application/vnd.oasis.opendocument.presentation': convert('an OpenDocument presentation'),
  'application/vnd.ms-excel': EXCEL,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': EXCEL,
  'application/vnd.oasis.opendocument.spreadsheet': convert('an OpenDocument spreadsheet'),
};

/** The PDF signature may follow a little junk (the spec lets readers look within the first 1,024 bytes). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.includes('%PDF-', 0, 'latin1');
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).trim().toLowerCase();
}

export function detectFormat(bytes: Uint8Array, mimeType: string, fileName: string): DocumentFormat {
  if (looksLikePdf(bytes)) return { kind: 'pdf' };
  // "application/pdf; charset=binary" and odd capitalisation both occur in the wild.
  const mime = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return BY_MIME[mime] ?? BY_EXTENSION[extensionOf(fileName)] ?? { kind: 'unsupported' };
}
