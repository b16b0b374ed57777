// Detection by content, each reader's errors, and OCR of a scan (when Tesseract is here).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { readFormatted } from '../../graph-loaders/formats/index.js';
import { sniff } from '../../graph-loaders/formats/sniff.js';
import { layoutText } from '../../graph-loaders/formats/pdf-layout.js';
import { loadPaths } from '../../graph-loaders/load.js';
import { bytesToText } from '../../graph-loaders/read.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { docxFromText, htmlFromText, pdfFromText, scannedPdfFromText } from '../support/documents.js';
import { tempDirs } from '../support/tmp.js';

const tmp = tempDirs('cg-formats');

const KL96 = `BỘ CHÍNH TRỊ
Số 96-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 30 tháng 9 năm 2024

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tiếp tục thực hiện Nghị quyết số 45-NQ/TW, ngày 24/01/2019
của Bộ Chính trị khóa XII về xây dựng và phát triển thành phố Hải Phòng

Xem xét Tờ trình của Ban Kinh tế Trung ương về sơ kết 5 năm thực hiện Nghị quyết số 45-NQ/TW, Bộ Chính trị kết luận như sau:

1. Tiếp tục quán triệt, triển khai thực hiện có hiệu quả Nghị quyết số 45-NQ/TW gắn với Nghị quyết số 30-NQ/TW, ngày 23/11/2022 của Bộ Chính trị.

T/M BỘ CHÍNH TRỊ`;

/** A legacy Word file's first bytes: the OLE2 compound-file header and a directory naming its WordDocument stream. */
function oleDoc(stream = 'WordDocument'): Uint8Array {
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  Buffer.from('Root Entry', 'utf16le').copy(bytes, 512);
  Buffer.from(stream, 'utf16le').copy(bytes, 640);
  return bytes;
}

/** Vietnamese as Windows-1258 spells it: base letters with their shape (â ă ê ô ơ ư) precomposed, tone marks combining. */
function windows1258Form(s: string): string {
  const SHAPE = '\u0302\u0306\u031b';
  return s.normalize('NFD').replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_, base: string, marks: string) => {
    const shape = [...marks].filter((m) => SHAPE.includes(m)).join('');
    return (base + shape).normalize('NFC') + [...marks].filter((m) => !SHAPE.includes(m)).join('');
  });
}

describe('detection by content', () => {
  it('tells each container apart by its bytes, whatever the file is called', async () => {
    expect(sniff(await pdfFromText('Số 1-NQ/TW'))).toBe('pdf');
    expect(sniff(await docxFromText('Số 1-NQ/TW'))).toBe('docx');
    expect(sniff(Buffer.from(htmlFromText('Số 1-NQ/TW')))).toBe('html');
    expect(sniff(Buffer.from('<p>Căn cứ <b>Nghị quyết</b> số 45-NQ/TW</p><p>a</p><p>b</p><br><div>c</div>'))).toBe('html');
    expect(sniff(oleDoc())).toBe('doc');
    expect(sniff(oleDoc('Workbook'))).toBe('ole2');
    expect(sniff(Buffer.from('{\\rtf1\\ansi Nghị quyết}'))).toBe('rtf');
  });

  it('leaves plain text to the text decoder, even when it mentions markup or PDF', async () => {
    expect(sniff(Buffer.from('KẾT LUẬN\nvề <việc> thực hiện Nghị quyết số 45-NQ/TW'))).toBeNull();
    expect(sniff(Buffer.from('<Nơi nhận> - Như trên;\n- Lưu VT.'))).toBeNull();
    expect(sniff(Buffer.from(`${'Văn bản. '.repeat(200)}%PDF-1.7`))).toBeNull();
    expect(await readFormatted(Buffer.from('Nghị quyết số 45-NQ/TW'))).toBeNull();
    expect(await bytesToText(Buffer.from('Nghị quyết số 45-NQ/TW'))).toMatchObject({ text: 'Nghị quyết số 45-NQ/TW' });
  });

  it('reads an HTML page in the character set it declares', async () => {
    const page = htmlFromText('Căn cứ Nghị quyết số 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị').replace('charset="utf-8"', 'charset="windows-1258"');
    const bytes = iconv.encode(windows1258Form(page), 'windows-1258');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(await readFormatted(bytes)).toEqual({ text: 'Căn cứ Nghị quyết số 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị' });
  });
});

describe('clear errors for what cannot be read', () => {
  it('says what the file is and what to do', async () => {
    expect(await readFormatted(oleDoc())).toEqual({ error: expect.stringMatching(/legacy Word \.doc.*save it as \.docx/) });
    expect(await readFormatted(Buffer.from('{\\rtf1 x}'))).toEqual({ error: expect.stringMatching(/RTF.*\.docx/) });
    const zip = new JSZip();
    zip.file('notes.txt', 'Nghị quyết số 45-NQ/TW');
    expect(await readFormatted(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ error: expect.stringMatching(/ZIP archive/) });
    expect(await readFormatted(Buffer.from('%PDF-1.7\n1 0 obj <<>> garbage'))).toEqual({ error: expect.stringMatching(/damaged or unreadable PDF/) });
    const docx = await docxFromText('Nghị quyết số 45-NQ/TW');
    expect(await readFormatted(docx.subarray(0, docx.length - 40))).toEqual({ error: expect.stringMatching(/\.docx/) });
    expect(await readFormatted(await docxFromText('\n\n'))).toEqual({ error: expect.stringMatching(/no text/) });
    expect(await readFormatted(Buffer.from('<!DOCTYPE html><html><body><nav>Menu</nav></body></html>'))).toEqual({ error: expect.stringMatching(/no text/) });
  });

  it('names the file and the reason in a load, and loads the rest', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'cu.doc'), oleDoc());
    writeFileSync(path.join(dir, 'kl96.pdf'), await pdfFromText(KL96));
    const store = await EmbeddedStore.open({ dataDir: tmp() });
    const summary = await loadPaths([dir], store);
    expect(summary.errors).toEqual([{ file: path.join(dir, 'cu.doc'), error: expect.stringMatching(/legacy Word \.doc/) }]);
    expect(summary.documents).toBe(1);
    expect((await store.getDocuments(['96-KL/TW@2024-09-30']))[0]).toMatchObject({ stub: false, issuer: 'Bộ Chính trị' });
    await store.close();
  });
});

describe('text PDF layout', () => {
  const run = (str: string, x: number, y: number, width = str.length * 5, size = 10) => ({ str, x, y, width, size });

  it('joins the wrapped lines of a paragraph, keeps short lines, and leaves a blank line at a gap', () => {
    const text = layoutText([
      [
        run('KẾT LUẬN', 250, 800, 50),
        run('Căn cứ Nghị quyết số 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị về xây dựng', 50, 770, 500),
        run('và phát triển thành phố Hải Phòng;', 50, 758, 200),
        run('Bộ Chính trị kết luận như sau: thực hiện Nghị quyết số 312-', 50, 730, 500),
        run('KL/TU của Thành ủy.', 50, 718, 120),
        run('2', 300, 40, 5),
      ],
    ]);
    expect(text).toBe('KẾT LUẬN\n\nCăn cứ Nghị quyết số 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị về xây dựng và phát triển thành phố Hải Phòng;\n\nBộ Chính trị kết luận như sau: thực hiện Nghị quyết số 312-KL/TU của Thành ủy.');
  });

  it('puts the two columns of a header on lines of their own', () => {
    const text = layoutText([[run('BỘ CHÍNH TRỊ', 60, 800, 80), run('ĐẢNG CỘNG SẢN VIỆT NAM', 330, 800, 160), run('Số 96-KL/TW', 70, 788, 70), run('Hà Nội, ngày 30 tháng 9 năm 2024', 330, 788, 170)]]);
    expect(text.split('\n')).toEqual(['BỘ CHÍNH TRỊ', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 96-KL/TW', 'Hà Nội, ngày 30 tháng 9 năm 2024']);
  });
});

function tesseractWithVietnamese(): boolean {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && `${r.stdout}${r.stderr}`.split('\n').some((l) => l.trim() === 'vie');
}
const HAS_OCR = tesseractWithVietnamese();

describe('scanned PDF', () => {
  const saved = process.env.TESSERACT_CMD;
  afterEach(() => {
    if (saved === undefined) delete process.env.TESSERACT_CMD;
    else process.env.TESSERACT_CMD = saved;
  });

  it('has no text layer to read', async () => {
    const scan = await scannedPdfFromText(KL96, { size: 13 });
    process.env.TESSERACT_CMD = path.join(os.tmpdir(), 'no-such-tesseract');
    const result = await readFormatted(scan);
    expect(result).toEqual({ error: expect.stringMatching(/scanned PDF \(no text layer\).*Tesseract OCR is not installed.*apt-get install tesseract-ocr tesseract-ocr-vie/) });
  });

  it('gives a clear message, naming the file, when Tesseract is not installed', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'scan.pdf'), await scannedPdfFromText(KL96, { size: 13 }));
    process.env.TESSERACT_CMD = path.join(dir, 'tesseract');
    const store = await EmbeddedStore.open({ dataDir: tmp() });
    const summary = await loadPaths([dir], store);
    expect(summary.errors).toEqual([{ file: path.join(dir, 'scan.pdf'), error: expect.stringMatching(/^scanned PDF .*not installed/) }]);
    expect((await store.stats()).documents).toBe(0);
    await store.close();
  });

  it.skipIf(!HAS_OCR)(`loads through OCR${HAS_OCR ? '' : ' (skipped: tesseract with Vietnamese data is not installed; apt-get install tesseract-ocr tesseract-ocr-vie)'}`, async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'scan.pdf'), await scannedPdfFromText(KL96, { size: 13 }));
    const store = await EmbeddedStore.open({ dataDir: tmp() });
    const summary = await loadPaths([dir], store);
    expect(summary.errors).toEqual([]);
    const [doc] = await store.getDocuments(['96-KL/TW@2024-09-30']);
    expect(doc).toMatchObject({ stub: false, symbol: '96-KL/TW', issuer: 'Bộ Chính trị', place: 'Hà Nội' });
    const [out] = await store.evidenceOf([doc!.id], 'OUT');
    expect(out.map((e) => [e.type, e.to])).toContainEqual(['IMPLEMENTS', '45-NQ/TW@2019-01-24']);
    expect(out.map((e) => e.to)).toContain('30-NQ/TW@2022-11-23');
    // the OCR text is what is stored, and the quotes stand in it
    const [text] = await store.texts([doc!.id]);
    for (const e of out) expect(text!.slice(e.start!, e.end!)).toBe(e.quote);
    await store.close();
  }, 120_000);
});

describe('a whole chunk of files at once', () => {
  it('parses a bounded number of containers at a time, and every one still loads', async () => {
    const { limiter } = await import('../../graph-loaders/formats/limit.js');
    const limit = limiter(2);
    let now = 0;
    let most = 0;
    const task = () => limit(async () => {
      most = Math.max(most, ++now);
      await new Promise((r) => setTimeout(r, 5));
      now--;
      return now;
    });
    await Promise.all(Array.from({ length: 10 }, task));
    expect(most).toBe(2);
    const dir = tmp();
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `kl${i}.pdf`), await pdfFromText(KL96.replace('96-KL/TW', `${100 + i}-KL/TW`)));
    const store = await EmbeddedStore.open({ dataDir: tmp() });
    const summary = await loadPaths([dir], store);
    expect(summary).toMatchObject({ documents: 12, errors: [] });
    await store.close();
  });
});
