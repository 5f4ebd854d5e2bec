/**
 * Plain-English reasons for files whose text cannot be read. They are shown to business managers, so each says
 * what is wrong in their terms and what to do about it; none mentions parsers or exceptions.
 */

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const plural = (n: number, word: string): string => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export const reasons = {
  empty: (name: string): string =>
    `"${name}" is empty (0 bytes), so there is no text to read. Upload the document to the library again from the original.`,
  tooLarge: (name: string, size: number, limit: number): string =>
    `"${name}" is ${megabytes(size)}, over the ${megabytes(limit)} limit for reading text. Split it into smaller documents, or save a copy with compressed pictures, and put that in the library.`,
  unsupported: (name: string): string =>
    `"${name}" is not a PDF or an Office document, so its text cannot be read or searched. If people need to search it, save a PDF copy to the library.`,
  needsConversion: (name: string, kind: string): string =>
    `"${name}" is ${kind}: it is converted to PDF before its text is read.`,

  pdfEncrypted: (name: string): string =>
    `"${name}" is password-protected, so its text cannot be read. Save an unprotected copy to the library (ask the author if you do not have the password).`,
  pdfCorrupt: (name: string): string =>
    `"${name}" could not be opened as a PDF: the file looks damaged or incomplete. Check that it opens on your computer, then save or export it to PDF again and replace the copy in the library.`,
  pdfNoText: (name: string, pages: number): string =>
    `"${name}" has ${plural(pages, 'page')} but no text that can be selected: it is probably a scan. Ask the author for the original document, or run text recognition (OCR) on it, and save that copy to the library.`,
  pdfUnreadablePages: (pages: number[]): string =>
    `${pages.length === 1 ? `Page ${pages[0]} could` : `Pages ${pages.slice(0, 10).join(', ')}${pages.length > 10 ? ' and others' : ''} could`} not be read (the file may be damaged), so ${pages.length === 1 ? 'its' : 'their'} text is missing from search.`,
  pagesLeftOut: (total: number, limit: number): string =>
    `Only the first ${plural(limit, 'page')} of ${total.toLocaleString('en-GB')} were read; the rest are missing from search. Split the document into smaller files to make all of it searchable.`,

  wordEncrypted: (name: string): string =>
    `"${name}" is password-protected, so its text cannot be read. Save an unprotected copy to the library (in Word: File, Info, Protect Document, Encrypt with Password, and clear the password).`,
  wordCorrupt: (name: string): string =>
    `"${name}" could not be opened as a Word document: the file looks damaged or incomplete. Check that it opens in Word, save it again as a .docx and replace the copy in the library.`,
  wordLegacy: (name: string): string =>
    `"${name}" is named .docx but is in the older Word 97-2003 format. Open it in Word, save it as a Word Document (.docx) and replace the copy in the library.`,
  wordNoText: (name: string): string =>
    `"${name}" contains no text (perhaps only pictures), so there is nothing to search. If the pictures show text, save a version with real text to the library.`,
  wordTooLarge: (name: string): string =>
    `"${name}" unpacks to far more data than a Word document should, so it was not read. Check that it opens in Word, save it again and replace the copy in the library.`,
};
