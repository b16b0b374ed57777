// Stored texts live on disk, not in memory: a million documents of text would not fit the heap.
// Each commit writes its texts as one immutable file (UTF-16LE, so a character offset is a byte
// offset / 2), atomically, before the journal segment that refers to it. A quote is a small read.
import { closeSync, openSync, readSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { writeAtomic, writeChunks } from './atomic.js';
import { grow } from './columns.js';

export interface TextRef {
  seg: number;
  /** Offset and length in UTF-16 code units. */
  offset: number;
  length: number;
}

const MAX_OPEN = 64;

/** Each text as UTF-16LE bytes, one at a time. */
function* utf16(texts: readonly string[]): Iterable<Uint8Array> {
  for (const t of texts) yield Buffer.from(t, 'utf16le');
}

export class TextStore {
  private readonly fds = new Map<number, number>();

  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
  }

  private file(seg: number): string {
    return path.join(this.dir, `${String(seg).padStart(12, '0')}.u16`);
  }

  /** Where texts of these lengths live in a commit's file. */
  async refs(seg: number, lengths: readonly number[]): Promise<TextRef[]> {
    const refs: TextRef[] = [];
    let offset = 0;
    for (const length of lengths) {
      refs.push({ seg, offset, length });
      offset += length;
    }
    return refs;
  }

  /** Write the texts of one commit; returns where each one lives. */
  async write(seg: number, texts: readonly string[]): Promise<TextRef[]> {
    const refs = await this.refs(
      seg,
      texts.map((t) => t.length),
    );
    if (!texts.length) return refs;
    await writeAtomic(this.file(seg), (out) => writeChunks(out, utf16(texts)));
    return refs;
  }

  /** Segments above `lastSeq` were written by a commit that never finished: remove them. */
  async dropAfter(lastSeq: number): Promise<void> {
    for (const name of await fs.readdir(this.dir)) {
      const seq = Number(name.slice(0, 12));
      if (name.endsWith('.u16') && seq > lastSeq) await fs.rm(path.join(this.dir, name), { force: true });
    }
  }

  /** Segments no document refers to any more. */
  async dropUnused(used: Set<number>, below: number): Promise<void> {
    for (const name of await fs.readdir(this.dir)) {
      const seq = Number(name.slice(0, 12));
      if (name.endsWith('.u16') && seq <= below && !used.has(seq)) {
        this.closeSeg(seq);
        await fs.rm(path.join(this.dir, name), { force: true });
      }
    }
  }

  private fd(seg: number): number {
    let fd = this.fds.get(seg);
    if (fd === undefined) {
      if (this.fds.size >= MAX_OPEN) this.closeSeg(this.fds.keys().next().value as number);
      fd = openSync(this.file(seg), 'r');
    } else this.fds.delete(seg);
    this.fds.set(seg, fd); // most recently used last
    return fd;
  }

  private closeSeg(seg: number): void {
    const fd = this.fds.get(seg);
    if (fd !== undefined) closeSync(fd);
    this.fds.delete(seg);
  }

  /** Characters [start, end) of a stored text. */
  read(ref: TextRef, start = 0, end = ref.length): string {
    const from = Math.max(0, Math.min(start, ref.length));
    const to = Math.max(from, Math.min(end, ref.length));
    if (to === from) return '';
    const bytes = Buffer.allocUnsafe((to - from) * 2);
    readSync(this.fd(ref.seg), bytes, 0, bytes.length, (ref.offset + from) * 2);
    return bytes.toString('utf16le');
  }

  close(): void {
    for (const seg of [...this.fds.keys()]) this.closeSeg(seg);
  }
}

/** Where each node's text lives, as columns (a million small objects cost ten times the bytes). */
export class TextRefTable {
  private seg = new Uint32Array(0);
  private offset = new Uint32Array(0);
  /** -1: no text. */
  private length = new Int32Array(0);

  get(n: number): TextRef | undefined {
    if (n < 0 || n >= this.seg.length || this.length[n] < 0) return undefined;
    return { seg: this.seg[n], offset: this.offset[n], length: this.length[n] };
  }

  set(n: number, ref: TextRef | undefined): void {
    if (n >= this.seg.length) {
      if (!ref) return;
      this.seg = grow(this.seg, n + 1);
      this.offset = grow(this.offset, n + 1);
      this.length = grow(this.length, n + 1, -1);
    }
    this.seg[n] = ref ? ref.seg : 0;
    this.offset[n] = ref ? ref.offset : 0;
    this.length[n] = ref ? ref.length : -1;
  }

  /** Text segments some node still refers to. */
  segments(): Set<number> {
    const used = new Set<number>();
    for (let n = 0; n < this.seg.length; n++) if (this.length[n] >= 0) used.add(this.seg[n]);
    return used;
  }
}
