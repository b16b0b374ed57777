// Extraction with a per-file time limit and a memory bound: texts go to one worker thread, which
// extracts them in the order given; a text that runs past the limit or out of the worker's heap
// becomes that file's error, the worker is replaced, and the texts queued behind it go to the new
// one. Texts are posted as soon as they are given, so the worker keeps extracting while the loader
// resolves and writes the chunk before (the two cores both busy).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { MAX_FILE_BYTES, bytesToText } from './read.js';
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
/**
 * A file read and extracted: its text as read (as UTF-8 bytes when the worker read it, moved rather
 * than copied; as a string when this thread did, for a container), and what was extracted from it.
 */
export type FileOutcome =
  | { file: string; utf8: Uint8Array; extraction: Extraction }
  | { file: string; text: string; extraction: Extraction }
  | { file: string; error: string };
type Reply = { id: number; extraction?: Extraction; utf8?: Uint8Array; error?: string; refused?: string; unreadable?: string; container?: Uint8Array };

interface Job {
  id: number;
  file: string;
  /** Absent: the worker reads the file. */
  text?: string;
  maxBytes?: number;
  resolve: (reply: Reply | { failed: string }) => void;
}

interface Running {
  worker: Worker;
  /** Results come on this port, not the worker's own, so a time-out can first take the ones already sent. */
  port: MessagePort;
}

// Under tsx or vitest this module is TypeScript: the worker then needs tsx's loader too.
const SELF = import.meta.url;
const IS_TS = SELF.endsWith('.ts');
const WORKER = new URL(IS_TS ? './extract-worker.ts' : './extract-worker.js', SELF);
// Resolved here, not in the worker: an eval'd worker resolves bare names from the working directory.
const TSX_API = IS_TS ? import.meta.resolve('tsx/esm/api') : '';

export class ExtractGuard {
  private running: Running | null = null;
  /** Posted to the worker and not yet answered, oldest first: the first is the one being extracted. */
  private readonly jobs: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
  readonly maxRelations: number;

  constructor(options: GuardOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    this.maxRelations = options.maxRelations ?? 100_000;
  }

  /** Extract one text; never throws for bad input. Texts are extracted in the order given. */
  async extract(text: string, file: string): Promise<Outcome> {
    const reply = await this.enqueue({ file, text });
    if ('failed' in reply) return { file, error: reply.failed };
    return reply.extraction ?? { file, error: reply.refused ?? `extraction failed: ${reply.error}` };
  }

  /**
   * Read a file as readDocumentFile does and extract it. The worker reads the bytes and decodes a
   * text file, within the time limit; a PDF, Word or HTML file's bytes come back and are read on
   * this thread, as before (a scanned PDF's OCR runs one Tesseract per core and may take minutes),
   * then extracted in the worker. Either way, the errors of readDocumentFile.
   */
  async extractFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<FileOutcome> {
    const reply = await this.enqueue({ file, maxBytes });
    if ('failed' in reply) return { file, error: reply.failed };
    if (reply.unreadable !== undefined) return { file, error: reply.unreadable };
    if (reply.container) {
      const read = await bytesToText(reply.container);
      if ('error' in read) return { file, error: read.error };
      const e = await this.extract(read.text, file);
      return 'error' in e ? e : { file, text: read.text, extraction: e };
    }
    if (reply.extraction && reply.utf8) return { file, utf8: reply.utf8, extraction: reply.extraction };
    return { file, error: reply.refused ?? `extraction failed: ${reply.error}` };
  }

  private enqueue(what: { file: string; text?: string; maxBytes?: number }): Promise<Reply | { failed: string }> {
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, ...what, resolve };
      this.jobs.push(job);
      this.post(job);
      if (this.jobs.length === 1) this.startClock();
    });
  }

  private post(job: Job): void {
    const { worker } = (this.running ??= this.spawn());
    worker.ref();
    worker.postMessage({ id: job.id, text: job.text, file: job.file, maxBytes: job.maxBytes, maxRelations: this.maxRelations });
  }

  private spawn(): Running {
    const { port1: port, port2 } = new MessageChannel();
    const resourceLimits = { maxOldGenerationSizeMb: this.maxHeapMb };
    const workerData = { results: port2 };
    const options = { resourceLimits, workerData, transferList: [port2] };
    const worker = IS_TS
      ? new Worker(`import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`, { eval: true, ...options })
      : new Worker(WORKER, options);
    const running = { worker, port };
    worker.unref();
    port.on('message', (reply: Reply) => {
      if (this.running === running) this.answer(reply);
    });
    port.unref(); // after the listener, which refs it: only a worker with jobs keeps the process alive
    // A worker already replaced (after a time-out) concerns no job.
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.running !== running) return;
      this.takeAnswered(running);
      this.fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `extraction ran out of memory (limit ${this.maxHeapMb} MB)` : `extraction failed: ${err.message}`);
    });
    worker.on('exit', () => {
      if (this.running !== running) return;
      this.takeAnswered(running);
      this.fail('extraction stopped: its worker exited');
    });
    return running;
  }

  /** The worker's answer to the oldest job (it answers in order). */
  private answer(reply: Reply): void {
    const job = this.jobs[0];
    if (!job || job.id !== reply.id) return;
    this.jobs.shift();
    this.stopClock();
    if (this.jobs.length) this.startClock();
    else this.running?.worker.unref();
    job.resolve(reply);
  }

  /** Answers the worker sent before it stopped or ran late (waiting while the loader was busy): not lost. */
  private takeAnswered(running: Running): void {
    for (let m = receiveMessageOnPort(running.port); m; m = receiveMessageOnPort(running.port)) this.answer(m.message as Reply);
  }

  /** The oldest job fails; the worker is dropped and the jobs behind it go to a new one. */
  private fail(why: string): void {
    const old = this.running;
    this.running = null;
    this.stopClock();
    if (old) {
      old.port.close();
      void old.worker.terminate();
    }
    const job = this.jobs.shift();
    for (const next of this.jobs) this.post(next);
    if (this.jobs.length) this.startClock();
    job?.resolve({ failed: why });
  }

  /** The time limit runs for the job being extracted, from when the one before it was answered. */
  private startClock(): void {
    const running = this.running;
    const id = this.jobs[0].id;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (running) this.takeAnswered(running);
      if (this.jobs[0]?.id !== id) return; // answered meanwhile: its successor's clock now runs
      this.fail(`extraction took longer than ${this.timeoutMs / 1000} s: stopped (is the text one huge line, or machine output?)`);
    }, this.timeoutMs);
  }

  private stopClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stop the worker; jobs still waiting become errors (a load that stopped no longer needs them). */
  async close(): Promise<void> {
    const old = this.running;
    this.running = null;
    this.stopClock();
    for (const job of this.jobs.splice(0)) job.resolve({ failed: 'extraction stopped: the load was closed' });
    if (old) {
      old.port.close();
      await old.worker.terminate();
    }
  }
}
