// PDF → text. The text layer through pdf.js when there is one; a scan (no text layer) through
// OCR: pdf.js renders each page, Tesseract reads it.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { layoutText, type Run } from './pdf-layout.js';
import { ocrImage, ocrUnavailable } from './ocr.js';
import { tidy } from './html-text.js';

type Result = { text: string } | { error: string };

export const MAX_OCR_PAGES = 100;
/** Fewer letters than this per page on average: a scan, perhaps with a stamp or a signature line. */
const MIN_LETTERS_PER_PAGE = 40;
const OCR_DPI = 300;

export async function readPdf(bytes: Uint8Array): Promise<Result> {
  let doc: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'PasswordException') return { error: 'encrypted PDF: it needs a password to open' };
    return { error: `damaged or unreadable PDF: ${e.message}` };
  }
  try {
    const pages = await textLayer(doc);
    const text = tidy(layoutText(pages));
    if (letters(text) >= MIN_LETTERS_PER_PAGE * doc.numPages) return { text };
    return await ocr(doc);
  } catch (err) {
    return { error: `cannot read the PDF: ${(err as Error).message}` };
  } finally {
    await doc.destroy();
  }
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

async function textLayer(doc: PDFDocumentProxy): Promise<Run[][]> {
  const pages: Run[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a, b, c, d, x, y] = item.transform as number[];
      // Only horizontal text: rotated stamps and margin notes are not the document's text.
      if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
      runs.push({ str: item.str, x, y, width: item.width, size: Math.abs(d) || item.height });
    }
    pages.push(runs);
    page.cleanup();
  }
  return pages;
}

async function ocr(doc: PDFDocumentProxy): Promise<Result> {
  const why = await ocrUnavailable();
  if (why) return { error: `scanned PDF (no text layer): reading it needs OCR, but ${why}` };
  if (doc.numPages > MAX_OCR_PAGES) return { error: `scanned PDF of ${doc.numPages} pages: OCR is limited to ${MAX_OCR_PAGES} pages` };
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) texts.push(await ocrImage(await renderPage(doc, i)));
  const text = tidy(texts.join('\n\n'));
  return letters(text) ? { text } : { error: 'scanned PDF: OCR found no text in it' };
}

interface CanvasLike {
  toBuffer(mime: 'image/png'): Uint8Array;
}
interface CanvasFactoryLike {
  create(w: number, h: number): { canvas: CanvasLike; context: unknown };
  destroy(c: { canvas: CanvasLike; context: unknown }): void;
}

/** One page as a PNG at OCR resolution, drawn by pdf.js on its Node canvas (@napi-rs/canvas). */
async function renderPage(doc: PDFDocumentProxy, n: number): Promise<Uint8Array> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: OCR_DPI / 72 });
  const factory = (doc as unknown as { canvasFactory?: CanvasFactoryLike }).canvasFactory;
  if (!factory) throw new Error('pdf.js has no canvas here to draw pages for OCR (the @napi-rs/canvas package is missing)');
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    await page.render({ canvas: target.canvas as never, canvasContext: target.context as never, viewport }).promise;
    return target.canvas.toBuffer('image/png');
  } finally {
    factory.destroy(target);
    page.cleanup();
  }
}
