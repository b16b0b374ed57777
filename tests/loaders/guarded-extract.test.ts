// The extraction worker takes many texts at once (the loader hands it the next chunk while it
// resolves and writes the current one): answers keep their order, a text past its limit fails
// alone, and a thread busy past the limit does not turn finished extractions into time-outs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExtractGuard } from '../../graph-loaders/guarded-extract.js';
import { extractText } from '../../graph-loaders/extract.js';
import { readDocumentFile } from '../../graph-loaders/read.js';
import { tempDirs } from '../support/tmp.js';

const text = (n: number) => `NGHỊ QUYẾT\nvề việc thực hiện Nghị quyết số ${n}-NQ/TW ngày 24/01/2019 và Kết luận số ${n + 1}-KL/TW`;
const heavy = 'số 45-NQ/TW '.repeat(1_500_000);

function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('extraction worker with texts queued', () => {
  it('answers texts given at once in order, each as extractText does', async () => {
    const guard = new ExtractGuard();
    try {
      const texts = Array.from({ length: 40 }, (_, i) => text(i + 1));
      const out = await Promise.all(texts.map((t, i) => guard.extract(t, `t${i}.txt`)));
      expect(out).toEqual(texts.map((t, i) => extractText(t, `t${i}.txt`)));
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('a text past its limit among others fails alone; the texts queued behind it go to a new worker', async () => {
    const guard = new ExtractGuard({ timeoutMs: 1000, maxHeapMb: 64 });
    try {
      const given = [text(1), heavy, text(2), text(3)];
      const out = await Promise.all(given.map((t, i) => guard.extract(t, `f${i}.txt`)));
      expect(out[1]).toEqual({ file: 'f1.txt', error: expect.stringMatching(/^extraction (took longer than 1 s: stopped|ran out of memory \(limit 64 MB\))/) });
      for (const i of [0, 2, 3]) expect(out[i]).toEqual(extractText(given[i], `f${i}.txt`));
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('answers that came while this thread was busy past the limit are taken, not timed out', async () => {
    const guard = new ExtractGuard({ timeoutMs: 200 });
    try {
      await guard.extract(text(1), 'warm.txt'); // the worker is up
      const pending = Array.from({ length: 5 }, (_, i) => guard.extract(text(i + 10), `b${i}.txt`));
      // The worker answers all five meanwhile. Blocking in the check phase puts the expired timer
      // ahead of the port's messages in the next turn of the event loop.
      await new Promise<void>((done) => setImmediate(() => (busy(1500), done())));
      const out = await Promise.all(pending);
      expect(out.map((o) => ('error' in o ? o.error : o.relations.length))).toEqual([2, 2, 2, 2, 2]);
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('an idle worker does not keep the process alive, closed or not', () => {
    const guard = fileURLToPath(new URL('../../graph-loaders/guarded-extract.ts', import.meta.url));
    const script = `import { ExtractGuard } from ${JSON.stringify(guard)};
      const r = await new ExtractGuard().extract(${JSON.stringify(text(1))}, 'a.txt');
      console.log('document' in r ? 'extracted' : r.error);`;
    // throws on the time-out if the process hangs
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('extracted');
  }, 30_000);

  it('closing turns texts still queued into errors and leaves no worker running', async () => {
    const guard = new ExtractGuard({ timeoutMs: 5000 });
    const pending = [guard.extract(text(1), 'a.txt'), guard.extract(heavy, 'b.txt'), guard.extract(text(2), 'c.txt')];
    const first = await pending[0];
    expect('document' in first).toBe(true);
    await guard.close();
    expect(await pending[2]).toEqual({ file: 'c.txt', error: 'extraction stopped: the load was closed' });
    // a closed guard starts a new worker when given more
    const again = await guard.extract(text(3), 'd.txt');
    expect('document' in again).toBe(true);
    await guard.close();
  }, 60_000);
});

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const tmp = tempDirs('guarded-extract');

describe('extraction worker reading the files itself', () => {
  it('reads and decodes each file as readDocumentFile does, and extracts it as extractText does, in the order given', async () => {
    // an HTML page (a container: its bytes come back and are read on this thread) among text files
    const page = path.join(tmp(), 'page.html');
    writeFileSync(page, `<!DOCTYPE html><html><body><main><p>${text(99).replace('\n', '</p><p>')}</p></main></body></html>`);
    const files = [
      ...readdirSync(path.join(FIXTURES, 'loader-texts')).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, 'loader-texts', f)),
      page,
      ...['tcvn3.txt', 'windows-1258.txt', 'tcvn3-saved-as-utf8.txt'].map((f) => path.join(FIXTURES, 'encodings', f)),
    ];
    const guard = new ExtractGuard();
    try {
      // files and texts in one queue: answers keep the order they were given in
      const out = await Promise.all(files.flatMap((f, i) => [guard.extractFile(f), guard.extract(text(i + 1), `t${i}.txt`)]));
      for (const [i, file] of files.entries()) {
        const read = await readDocumentFile(file);
        if ('error' in read) throw new Error(`${file}: ${read.error}`);
        // a text file's text comes back as UTF-8 bytes from the worker; the page's as read on this thread
        const asRead = file === page ? { text: read.text } : { utf8: new Uint8Array(Buffer.from(read.text, 'utf8')) };
        expect(out[2 * i]).toEqual({ file, ...asRead, extraction: extractText(read.text, file) });
        expect(out[2 * i + 1]).toEqual(extractText(text(i + 1), `t${i}.txt`));
      }
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('a file it cannot read or extract gets the error a read on the loader thread gives, and the files behind it still load', async () => {
    const dir = tmp();
    const at = (name: string) => path.join(dir, name);
    writeFileSync(at('empty.txt'), '');
    writeFileSync(at('large.txt'), 'x'.repeat(2048));
    mkdirSync(at('folder.txt'));
    writeFileSync(at('good.txt'), text(7));
    writeFileSync(at('many.txt'), `${text(20)} và Chỉ thị số 5-CT/TW`);
    const unreadable = [at('missing.txt'), at('empty.txt'), at('folder.txt'), path.join(FIXTURES, 'encodings', 'random-bytes.txt'), path.join(FIXTURES, 'encodings', 'shift-jis.txt')];
    const guard = new ExtractGuard({ maxRelations: 2 });
    try {
      const out = await Promise.all([...unreadable.map((f) => guard.extractFile(f)), guard.extractFile(at('large.txt'), 1024), guard.extractFile(at('many.txt')), guard.extractFile(at('good.txt'))]);
      for (const [i, file] of unreadable.entries()) {
        const read = await readDocumentFile(file);
        expect('error' in read).toBe(true);
        expect(out[i]).toEqual(read);
      }
      expect(out[unreadable.length]).toEqual(await readDocumentFile(at('large.txt'), 1024));
      expect(out[unreadable.length + 1]).toEqual({ file: at('many.txt'), error: expect.stringMatching(/^3 references in one text \(limit 2\): not loaded/) });
      expect(out[unreadable.length + 2]).toEqual({ file: at('good.txt'), utf8: new Uint8Array(Buffer.from(text(7), 'utf8')), extraction: extractText(text(7), at('good.txt')) });
    } finally {
      await guard.close();
    }
  }, 60_000);
});
