// The generated corpus as a stream: documents in date order with their truth lines, so a
// benchmark can skip the disk and the CLI can write files. Same docs + seed, same corpus.
import { documentId } from '../ids.js';
import { CorpusPlan } from './plan.js';
import { Renderer, type TruthLine } from './render.js';

export type { TruthLine, TruthDocument, TruthEdge } from './render.js';

export interface CorpusOptions {
  docs: number;
  seed?: number;
}

export interface GeneratedDoc {
  index: number;
  /** Unique base name (the scorer matches files by base name). */
  file: string;
  /** Shard folder and name: at most 1000 files per folder. */
  path: string;
  text: string;
  truth: TruthLine[];
  /** The id the loader should give it: symbol@issue date. */
  id: string;
  ocr: boolean;
}

export function fileNameOf(index: number, symbol: string): { file: string; path: string } {
  const slug = symbol
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const file = `${String(index).padStart(7, '0')}-${slug}.txt`;
  return { file, path: `${String(Math.floor(index / 1000)).padStart(4, '0')}/${file}` };
}

export class Corpus {
  readonly plan: CorpusPlan;
  private readonly renderer: Renderer;
  private next = 0;

  constructor(readonly options: CorpusOptions) {
    const seed = options.seed ?? 1;
    this.plan = new CorpusPlan(options.docs, seed);
    this.renderer = new Renderer(this.plan, seed);
  }

  /** Every document, in order. A corpus is generated once: planning depends on what came before. */
  *documents(): Generator<GeneratedDoc> {
    if (this.next !== 0) throw new Error('a corpus is generated once; make a new Corpus to generate it again');
    for (; this.next < this.plan.n; this.next++) {
      const doc = this.plan.plan(this.next);
      const { file, path } = fileNameOf(doc.index, doc.symbol);
      const { text, truth } = this.renderer.render(doc, file);
      yield { index: doc.index, file, path, text, truth, id: documentId(doc.symbol, doc.date), ocr: doc.ocr };
    }
  }

  /**
   * Every document's id, planned but not written: what a benchmark needs of a corpus that was
   * loaded before (the ids are those documents() gives; planning never depends on the writing).
   */
  *ids(): Generator<{ index: number; id: string; ocr: boolean }> {
    if (this.next !== 0) throw new Error('a corpus is generated once; make a new Corpus to generate it again');
    for (; this.next < this.plan.n; this.next++) {
      const doc = this.plan.plan(this.next);
      yield { index: doc.index, id: documentId(doc.symbol, doc.date), ocr: doc.ocr };
    }
  }

  /** The same, for `for await` consumers. */
  async *stream(): AsyncGenerator<GeneratedDoc> {
    yield* this.documents();
  }

  /** Ids of documents generated so far. */
  idOf(index: number): string {
    if (index >= this.next) throw new Error(`document ${index} not generated yet`);
    return documentId(this.plan.symbols[index], this.plan.dateOf(index));
  }

  /** Supersession chains whose last document is generated, longest first: where chain walks start. */
  chains(): { id: string; length: number }[] {
    return this.plan.chainEnds
      .filter((c) => c.index < this.next)
      .sort((a, b) => b.length - a.length || a.index - b.index)
      .map((c) => ({ id: this.idOf(c.index), length: c.length }));
  }
}
