// Documents in container formats (PDF, Word, HTML), detected by content. Returns null for
// bytes that are not one of them, so plain-text decoding takes over.
import { availableParallelism } from 'node:os';
import { sniff } from './sniff.js';
import { limiter } from './limit.js';

/** Containers parsed at once (each may hold a large document in memory). */
const parsing = limiter(Math.max(2, availableParallelism()));

type Result = { text: string } | { error: string };

export async function readFormatted(bytes: Uint8Array): Promise<Result | null> {
  const kind = sniff(bytes);
  switch (kind) {
    case null:
      return null;
    case 'pdf':
      return parsing(() => guarded('PDF', async () => (await import('./pdf.js')).readPdf(bytes)));
    case 'docx':
      return parsing(() => guarded('.docx', async () => (await import('./docx.js')).readDocx(bytes)));
    case 'html':
      return guarded('HTML', async () => (await import('./html.js')).readHtml(bytes));
    case 'doc':
      return { error: 'legacy Word .doc file: cannot read it; open it in Word or LibreOffice and save it as .docx (or PDF), then load that' };
    case 'ole2':
      return { error: 'legacy Office file (OLE2, e.g. .xls or .ppt), not a document this loader reads' };
    case 'odt':
      return { error: 'OpenDocument text (.odt): cannot read it; save it as .docx (or PDF), then load that' };
    case 'xlsx':
      return { error: 'spreadsheet (.xlsx), not a document this loader reads' };
    case 'zip':
      return { error: 'ZIP archive: unpack it and load the documents inside' };
    case 'rtf':
      return { error: 'RTF file: cannot read it; save it as .docx (or PDF), then load that' };
  }
}

/** A reader's unexpected fault becomes this file's error, never the whole load's. */
async function guarded(what: string, read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (err) {
    return { error: `cannot read this ${what} file: ${(err as Error).message}` };
  }
}
