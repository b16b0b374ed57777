// Durable files of the embedded store. Every file appears whole or not at all (atomic.ts).
// A commit writes its texts (texts/<seq>.u16) and then its journal segment (journal/<seq>.json);
// the segment is the commit point. A snapshot folds the segments in and names the last one it
// holds, so a crash at any point leaves either the old state or the new one.
//   DATA_DIR/snapshot.ndjson      header line (with the state's sizes), then one record per line (graph-state.ts SnapshotRecord)
//   DATA_DIR/journal/<seq>.json   one committed batch each, replayed in order after the snapshot
//   DATA_DIR/texts/<seq>.u16      the texts a commit stored
//   DATA_DIR/search-<seq>.bin     the full-text index of the snapshot of that seq (a cache: search-file.ts)
import { createReadStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EvidenceRow, GraphBatch } from '../model.js';
import { writeAtomic, writeChunks } from './atomic.js';
import type { SnapshotRecord } from './graph-state.js';

const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal';
const FORMAT = 2;

/** A batch as the journal keeps it: texts live in their own file; rows are arrays over an id table. */
export interface Segment {
  seq: number;
  at: string;
  ids: string[];
  texts: [string, number][];
  batch: Omit<GraphBatch, 'texts' | 'evidence'> & { evidence: unknown[][] };
}

type Row = unknown[];

/** Row → array; the quote is left out when it is the slice of its source text between its offsets. */
function encodeRow(e: EvidenceRow, id: (s: string) => number | string, quoted: boolean): Row {
  return [e.key, id(e.from), id(e.to), e.type, id(e.source), e.start, e.end, e.rule, e.kind, e.scope, e.effectiveFrom, e.toRef, e.toHow, e.fromRef, e.fromHow, quoted ? e.quote : null, e.curated ? [e.author, e.at, e.reason] : null];
}

function decodeRow(a: Row, name: (i: number | string) => string, quote: (source: string, start: number | null, end: number | null) => string): EvidenceRow {
  const [key, from, to, type, source, start, end, rule, kind, scope, effectiveFrom, toRef, toHow, fromRef, fromHow, quoted, curated] = a as [
    string, number, number, EvidenceRow['type'], number, number | null, number | null, string, string | null, string | null, string | null,
    string | null, EvidenceRow['toHow'], string | null, EvidenceRow['fromHow'], string | null, [string | null, string | null, string | null] | null,
  ];
  const src = name(source);
  return {
    key, from: name(from), to: name(to), type, source: src, quote: quoted ?? quote(src, start, end), start, end, rule, kind, scope, effectiveFrom,
    curated: !!curated, author: curated?.[0] ?? null, at: curated?.[1] ?? null, reason: curated?.[2] ?? null, toRef, toHow, fromRef, fromHow,
  };
}

export function encodeSegment(seq: number, at: string, batch: GraphBatch): Segment {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = ids.push(s) - 1));
    return i;
  };
  const texts = new Map(batch.texts.map((t) => [t.id, t.text]));
  const evidence = batch.evidence.map((e) => {
    const text = texts.get(e.source);
    const slice = text !== undefined && e.start !== null && e.end !== null && !e.curated && text.slice(e.start, e.end) === e.quote;
    return encodeRow(e, id, !slice);
  });
  const { texts: _t, evidence: _e, ...rest } = batch;
  return { seq, at, ids, texts: batch.texts.map((t) => [t.id, t.text.length]), batch: { ...rest, evidence } };
}

/** Back to a batch, with texts read from the commit's text file (`read(offset, length)`). */
export function decodeSegment(segment: Segment, read: (offset: number, length: number) => string): GraphBatch {
  let offset = 0;
  const texts = segment.texts.map(([id, length]) => {
    const text = read(offset, length);
    offset += length;
    return { id, text };
  });
  const byId = new Map(texts.map((t) => [t.id, t.text]));
  const evidence = segment.batch.evidence.map((a) =>
    decodeRow(a, (i) => segment.ids[i as number], (source, start, end) => byId.get(source)?.slice(start ?? 0, end ?? 0) ?? ''),
  );
  return { ...segment.batch, texts, evidence };
}

/** One JSON line per value, handed to the stream about 1 MB at a time (a stream write per line costs a Buffer and a callback each). */
async function writeLines(out: NodeJS.WritableStream, values: Iterable<unknown>): Promise<void> {
  let lines: string[] = [];
  let size = 0;
  const flush = async () => {
    lines.push('');
    const ok = out.write(lines.join('\n'));
    lines = [];
    size = 0;
    if (!ok) await once(out, 'drain');
  };
  for (const value of values) {
    const line = JSON.stringify(value);
    lines.push(line);
    size += line.length;
    if (size >= 1 << 20) await flush();
  }
  if (lines.length) await flush();
}

/**
 * How many evidence rows and nodes a snapshot holds, so that an open can size its columns once
 * instead of growing them by half again (each growth a copy, the old one garbage until a GC).
 */
export interface StateSizes {
  rows: number;
  nodes: number;
}

/** The header's sizes, or null where absent or not plausible (a hint: never worth a huge allocation). */
function sizesOf(v: unknown): StateSizes | null {
  const ok = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) < 2 ** 31;
  const s = v as Partial<StateSizes> | null | undefined;
  return s && typeof s === 'object' && ok(s.rows) && ok(s.nodes) ? { rows: s.rows, nodes: s.nodes } : null;
}

const searchFile = (lastSeq: number) => `search-${String(lastSeq).padStart(12, '0')}.bin`;

export class Persistence {
  constructor(readonly dir: string) {}

  get journalDir(): string {
    return path.join(this.dir, JOURNAL);
  }

  get textDir(): string {
    return path.join(this.dir, 'texts');
  }

  async init(): Promise<void> {
    await fs.mkdir(this.journalDir, { recursive: true });
    // Leftovers of writes a crash interrupted: never renamed, so never part of the state.
    for (const dir of [this.dir, this.journalDir, this.textDir]) {
      let names: string[] = [];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) if (name.includes('.tmp-')) await fs.rm(path.join(dir, name), { force: true });
    }
  }

  async segments(): Promise<{ seq: number; file: string }[]> {
    const names = await fs.readdir(this.journalDir);
    return names
      .filter((n) => /^\d{12}\.json$/.test(n))
      .map((n) => ({ seq: Number(n.slice(0, 12)), file: path.join(this.journalDir, n) }))
      .sort((a, b) => a.seq - b.seq);
  }

  async readSegment(file: string): Promise<Segment> {
    const segment = JSON.parse(await fs.readFile(file, 'utf8')) as Segment;
    if (!Array.isArray(segment.ids)) throw new Error(`${file}: a journal segment of an older format; load the files again into a new DATA_DIR`);
    return segment;
  }

  async commit(segment: Segment): Promise<number> {
    const file = path.join(this.journalDir, `${String(segment.seq).padStart(12, '0')}.json`);
    const json = JSON.stringify(segment);
    await writeAtomic(file, async (out) => {
      out.write(json);
    });
    return json.length;
  }

  /**
   * Read the snapshot into `restore`; returns the last journal sequence it holds (0 if none).
   * `reserve` gets the sizes its header gives, if any (snapshots before them have none), first.
   */
  async loadSnapshot(restore: (rec: SnapshotRecord) => void, reserve?: (sizes: StateSizes) => void): Promise<number> {
    const file = path.join(this.dir, SNAPSHOT);
    try {
      await fs.access(file);
    } catch {
      return 0;
    }
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lastSeq = 0;
    let first = true;
    for await (const raw of lines) {
      if (!raw) continue;
      const line = JSON.parse(raw) as { header: { format: number; lastSeq: number; sizes?: unknown } } | SnapshotRecord | { r: Row };
      if (first) {
        if (!('header' in line) || line.header.format !== FORMAT) throw new Error(`${file}: not a snapshot of format ${FORMAT}; load the files again into a new DATA_DIR`);
        lastSeq = line.header.lastSeq;
        const sizes = sizesOf(line.header.sizes);
        if (sizes) reserve?.(sizes);
        first = false;
        continue;
      }
      // evidence rows are arrays with ids inline; the quote, when left out, is read from the stored text later
      if ('r' in line) restore({ ev: decodeRow(line.r, (id) => id as string, () => ''), quoted: line.r[15] !== null });
      else restore(line as SnapshotRecord);
    }
    return lastSeq;
  }

  /** The full-text index file written with the snapshot of lastSeq (search-file.ts), or null. */
  async readSearch(lastSeq: number): Promise<Buffer | null> {
    try {
      return await fs.readFile(path.join(this.dir, searchFile(lastSeq)));
    } catch (err) {
      // a cache: missing, or past what one read can hold (2 GB), the index is rebuilt from the texts
      if (['ENOENT', 'ERR_FS_FILE_TOO_LARGE'].includes((err as NodeJS.ErrnoException).code ?? '')) return null;
      throw err;
    }
  }

  /**
   * Write a snapshot holding every segment up to lastSeq, then drop those segments; returns its
   * size. The index file goes first and is named by lastSeq, so a crash between the two leaves
   * the old snapshot with its own index file; the others are removed once the snapshot is in place.
   */
  async writeSnapshot(lastSeq: number, records: () => Iterable<SnapshotRecord>, search?: () => Iterable<Uint8Array>, sizes?: StateSizes): Promise<number> {
    if (search) await writeAtomic(path.join(this.dir, searchFile(lastSeq)), (out) => writeChunks(out, search()));
    const file = path.join(this.dir, SNAPSHOT);
    function* lines(): Iterable<unknown> {
      yield { header: { format: FORMAT, lastSeq, ...(sizes && { sizes }) } };
      for (const rec of records()) yield 'ev' in rec ? { r: encodeRow(rec.ev, (id) => id, rec.quoted) } : rec;
    }
    await writeAtomic(file, (out) => writeLines(out, lines()));
    for (const s of await this.segments()) if (s.seq <= lastSeq) await fs.rm(s.file, { force: true });
    const keep = search ? searchFile(lastSeq) : null;
    for (const name of await fs.readdir(this.dir)) if (/^search-\d{12}\.bin$/.test(name) && name !== keep) await fs.rm(path.join(this.dir, name), { force: true });
    return (await fs.stat(file)).size;
  }
}
