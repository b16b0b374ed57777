// Extraction with a per-file time limit and a memory bound: texts go to one worker thread, in
// turn; a text that runs past the limit or out of the worker's heap becomes that file's error and
// the worker is replaced. The rest of the load goes on.
import { Worker } from 'node:worker_threads';
import type { Extraction } from './types.js';

export interface GuardOptions {
  /** Longest extraction of one file (default 60 s). */
  timeoutMs?: number;
  /** Heap of the extraction worker in MB (default 2048). */
  maxHeapMb?: number;
  /** References one text may make (default 100,000: a long law makes a few thousand); past it the file is refused, which bounds a batch. */
  maxRelations?: number;
}

type Outcome = Extraction | { file: string; error: string };

interface Pending {
  id: number;
  worker: Worker;
  file: string;
  resolve: (o: Outcome) => void;
  timer: NodeJS.Timeout;
}

// Under tsx or vitest this module is TypeScript: the worker then needs tsx's loader too.
const SELF = import.meta.url;
const IS_TS = SELF.endsWith('.ts');
const WORKER = new URL(IS_TS ? './extract-worker.ts' : './extract-worker.js', SELF);
// Resolved here, not in the worker: an eval'd worker resolves bare names from the working directory.
const TSX_API = IS_TS ? import.meta.resolve('tsx/esm/api') : '';

export class ExtractGuard {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  readonly maxRelations: number;

  constructor(options: GuardOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    this.maxRelations = options.maxRelations ?? 100_000;
  }

  /** Extract one text; never throws for bad input. Calls run one at a time, in order. */
  extract(text: string, file: string): Promise<Outcome> {
    const run = this.queue.then(() => this.run(text, file));
    this.queue = run.catch(() => {});
    return run;
  }

  private spawn(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.maxHeapMb };
    const worker = IS_TS
      ? new Worker(`import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`, { eval: true, resourceLimits })
      : new Worker(WORKER, { resourceLimits });
    worker.unref();
    // Events of a worker already replaced (after a time-out) concern no pending text.
    const mine = () => (this.pending?.worker === worker ? this.pending : null);
    worker.on('message', (msg: { id: number; extraction?: Extraction; error?: string; refused?: string }) => {
      const p = mine();
      if (!p || p.id !== msg.id) return;
      this.settle(msg.extraction ?? { file: p.file, error: msg.refused ?? `extraction failed: ${msg.error}` });
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const p = mine();
      const why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `extraction ran out of memory (limit ${this.maxHeapMb} MB)` : `extraction failed: ${err.message}`;
      this.drop(worker);
      if (p) this.settle({ file: p.file, error: why });
    });
    worker.on('exit', () => {
      const p = mine();
      this.drop(worker);
      if (p) this.settle({ file: p.file, error: 'extraction stopped: its worker exited' });
    });
    return worker;
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
  }

  private settle(outcome: Outcome): void {
    const p = this.pending;
    if (!p) return;
    clearTimeout(p.timer);
    this.pending = null;
    p.resolve(outcome);
  }

  private run(text: string, file: string): Promise<Outcome> {
    const worker = (this.worker ??= this.spawn());
    worker.ref();
    return new Promise<Outcome>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.drop(worker);
        this.settle({ file, error: `extraction took longer than ${this.timeoutMs / 1000} s: stopped (is the text one huge line, or machine output?)` });
        void worker.terminate();
      }, this.timeoutMs);
      this.pending = { id, worker, file, resolve, timer };
      worker.postMessage({ id, text, file, maxRelations: this.maxRelations });
    }).finally(() => {
      if (this.worker === worker) worker.unref();
    });
  }

  async close(): Promise<void> {
    await this.queue;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
