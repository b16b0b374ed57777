// Real-looking input documents made from a .txt in the test itself: a .docx (minimal
// WordprocessingML through jszip), a text PDF (pdf-lib + DejaVu Sans, Vietnamese glyphs), an
// HTML page (publisher chrome around the text), and a scanned PDF (a page image, no text layer).
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One Word paragraph per line of the text; a blank line is an empty paragraph, as authors leave them. */
export async function docxFromText(text: string): Promise<Uint8Array> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paras = text
    .split('\n')
    .map((line) => (line.trim() ? `<w:p><w:r><w:t xml:space="preserve">${xml(line)}</w:t></w:r></w:p>` : '<w:p/>'))
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paras}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface PdfOptions {
  size?: number;
  /** Page size in points (A4 by default). */
  page?: [number, number];
}

/** A4 pages, 11 pt DejaVu Sans, lines wrapped at the margin, a little space between paragraphs. */
export async function pdfFromText(text: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(DEJAVU), { subset: true });
  const [pw, ph] = options.page ?? [595, 842];
  const size = options.size ?? 11;
  const lead = Math.round(size * 1.3);
  const margin = 56;
  const width = pw - 2 * margin;
  let page: PDFPage = pdf.addPage([pw, ph]);
  let y = ph - margin;
  const draw = (line: string, f: PDFFont) => {
    if (y < margin) {
      page = pdf.addPage([pw, ph]);
      y = ph - margin;
    }
    page.drawText(line, { x: margin, y, size, font: f });
    y -= lead;
  };
  for (const para of text.split('\n')) {
    if (!para.trim()) {
      y -= lead;
      continue;
    }
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        draw(line, font);
        line = word;
      } else line = next;
    }
    if (line) draw(line, font);
    y -= Math.round(size * 0.3);
  }
  return pdf.save();
}

/** A publisher's page: menu, header, footer and scripts around the document, kept in a content block. */
export function htmlFromText(text: string, options: { title?: string; container?: 'vbpl' | 'main' | 'bare' } = {}): string {
  const body = text
    .split(/\n\s*\n/)
    .filter((block) => block.trim())
    .map((block) => `<p>${block.split('\n').map((l) => xml(l).replace(/ {2}/g, ' &nbsp;')).join('<br>\n')}</p>`)
    .join('\n');
  const chrome = (inner: string) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${xml(options.title ?? 'Văn bản')}</title>
<style>p { margin: 0 0 1em }</style><script>var trackPage = "Nghị quyết số 99-NQ/TW";</script></head>
<body>
<header class="site-header"><a href="/">Cổng thông tin điện tử</a> | Liên hệ</header>
<nav class="menu"><ul><li>Trang chủ</li><li>Văn bản theo Nghị quyết số 98-NQ/TW</li></ul></nav>
${inner}
<footer class="footer">Bản quyền thuộc về Cổng thông tin. Theo Quyết định số 97-QĐ/TW.</footer>
</body></html>`;
  if (options.container === 'bare') return chrome(`<div class="wrapper">\n${body}\n</div>`);
  if (options.container === 'main') return chrome(`<main>\n${body}\n</main>\n<aside class="sidebar">Văn bản liên quan: Kết luận số 95-KL/TW</aside>`);
  return chrome(`<div class="box"><div id="toanvancontent" class="toanvancontent">\n${body}\n</div><div class="share">Chia sẻ</div></div>`);
}

/** A scan: each page of the text PDF drawn as an image (pdf.js on its Node canvas), in a PDF with no text layer. */
export async function scannedPdfFromText(text: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const source = await pdfjs.getDocument({ data: await pdfFromText(text, options), isEvalSupported: false, verbosity: 0 }).promise;
  const scan = await PDFDocument.create();
  for (let i = 1; i <= source.numPages; i++) {
    const page = await source.getPage(i);
    const viewport = page.getViewport({ scale: 200 / 72 });
    const factory = (source as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(m: string): Uint8Array }; context: unknown } } }).canvasFactory;
    const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: target.canvas as never, canvasContext: target.context as never, viewport }).promise;
    const png = await scan.embedPng(target.canvas.toBuffer('image/png'));
    const { width, height } = page.getViewport({ scale: 1 });
    scan.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
  }
  await source.destroy();
  return scan.save();
}
