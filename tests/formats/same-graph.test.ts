// The same document as .docx, text PDF and HTML page loads to the same graph as its .txt:
// same documents, same relations (type, from, to), same assertions; quotes may differ only in
// whitespace, and every quote stands in the stored (extracted) text at its offsets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { GraphDump } from '../../services/store/port.js';
import { sample } from '../loaders/corpus.js';
import { docxFromText, htmlFromText, pdfFromText } from '../support/documents.js';

const DOCS = ['hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt', 'tw-ket-luan-96-KL-TW-2024-ocr.txt', 'hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const ws = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The graph without what depends on the file or on exact whitespace. */
function shape(dump: GraphDump) {
  return {
    documents: dump.documents.map(({ file: _f, textHash: _h, updatedAt: _u, ...d }) => d),
    evidence: dump.evidence
      .map((e) => ({ from: e.from, to: e.to, type: e.type, source: e.source, rule: e.rule, kind: e.kind, scope: e.scope, effectiveFrom: e.effectiveFrom, toHow: e.toHow, fromHow: e.fromHow, quote: ws(e.quote) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

/** Load these files (the three documents in one format) into a fresh store. */
async function loadAll(files: string[]) {
  const store = await EmbeddedStore.open({ dataDir: tmp('cg-fmt-store-') });
  try {
    const summary = await loadPaths(files, store);
    expect(summary.errors).toEqual([]);
    const dump = await store.dump();
    // offsets index the stored text: the quote is always there to show
    const ids = [...new Set(dump.evidence.filter((e) => e.start !== null).map((e) => e.source))];
    const texts = new Map(ids.map((id, i) => [id, i]));
    const stored = await store.texts(ids);
    for (const e of dump.evidence) {
      if (e.start === null || e.end === null) continue;
      expect(stored[texts.get(e.source)!]!.slice(e.start, e.end)).toBe(e.quote);
    }
    return { dump, summary };
  } finally {
    await store.close();
  }
}

describe('the same documents in other formats', () => {
  const dir = tmp('cg-fmt-files-');
  const written: Record<string, string[]> = { txt: [], docx: [], pdf: [], html: [] };

  it('loads to the same graph from .docx, text PDF and HTML as from .txt', async () => {
    for (const name of DOCS) {
      const text = sample(name);
      const base = path.join(dir, path.basename(name, '.txt'));
      // No telling extensions: detection is by content.
      const files = { txt: `${base}.txt`, docx: `${base}-docx.bin`, pdf: `${base}-pdf.bin`, html: `${base}-html.bin` };
      writeFileSync(files.txt, text);
      writeFileSync(files.docx, await docxFromText(text));
      writeFileSync(files.pdf, await pdfFromText(text));
      writeFileSync(files.html, htmlFromText(text));
      for (const [k, f] of Object.entries(files)) written[k].push(f);
    }
    const want = await loadAll(written.txt);
    expect(want.dump.evidence.length).toBeGreaterThan(20);
    for (const format of ['docx', 'pdf', 'html']) {
      const got = await loadAll(written[format]);
      expect({ format, ...shape(got.dump) }).toEqual({ format, ...shape(want.dump) });
      expect(got.summary.documents).toBe(DOCS.length);
    }
  });

  it('finds the main text of a page whatever holds it: a publisher block, <main>, or the bare body', async () => {
    const text = sample(DOCS[0]);
    const want = shape((await loadAll([path.join(dir, 'x.txt')].map((f) => (writeFileSync(f, text), f)))).dump);
    for (const container of ['main', 'bare'] as const) {
      const f = path.join(dir, `page-${container}.html`);
      writeFileSync(f, htmlFromText(text, { container }));
      expect(shape((await loadAll([f])).dump)).toEqual(want);
    }
  });
});
