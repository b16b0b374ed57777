// Durable files of the embedded store. Every file appears whole or not at all: it is written
// under a temporary name, flushed, then renamed. A commit is one journal segment; a snapshot
// folds the segments in and records the last one it holds, so a crash at any point leaves
// either the old state or the new one.
//   DATA_DIR/snapshot.ndjson      header line, then one line per document, text, evidence, curation, file
//   DATA_DIR/journal/<seq>.json   one committed batch each, replayed in order after the snapshot
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { GraphBatch } from '../model.js';
import type { GraphState } from './graph-state.js';

const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal';
const FORMAT = 1;

export interface Segment {
  seq: number;
  at: string;
  batch: GraphBatch;
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write a file atomically: temp name, fsync, rename, fsync the folder. */
export async function writeAtomic(file: string, write: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const out = createWriteStream(tmp);
  try {
    await write(out);
    out.end();
    await once(out, 'finish');
    const handle = await fs.open(tmp, 'r+');
    await handle.sync();
    await handle.close();
    await fs.rename(tmp, file);
    await fsyncDir(path.dirname(file));
  } catch (err) {
    out.destroy();
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(JSON.stringify(value) + '\n')) await once(out, 'drain');
}

export class Persistence {
  constructor(readonly dir: string) {}

  private get journalDir(): string {
    return path.join(this.dir, JOURNAL);
  }

  async init(): Promise<void> {
    await fs.mkdir(this.journalDir, { recursive: true });
    // Leftovers of writes a crash interrupted: never renamed, so never part of the state.
    for (const dir of [this.dir, this.journalDir]) {
      for (const name of await fs.readdir(dir)) if (name.includes('.tmp-')) await fs.rm(path.join(dir, name), { force: true });
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
    return JSON.parse(await fs.readFile(file, 'utf8')) as Segment;
  }

  async commit(segment: Segment): Promise<void> {
    const file = path.join(this.journalDir, `${String(segment.seq).padStart(12, '0')}.json`);
    await writeAtomic(file, async (out) => {
      out.write(JSON.stringify(segment));
    });
  }

  /** Load the snapshot into state; returns the last journal sequence it holds (0 if none). */
  async loadSnapshot(state: GraphState, restore: (state: GraphState, line: SnapshotLine) => void): Promise<number> {
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
      const line = JSON.parse(raw) as SnapshotLine;
      if (first) {
        if (!('header' in line) || line.header.format !== FORMAT) throw new Error(`${file}: not a snapshot of format ${FORMAT}`);
        lastSeq = line.header.lastSeq;
        first = false;
        continue;
      }
      restore(state, line);
    }
    return lastSeq;
  }

  async writeSnapshot(lastSeq: number, lines: () => Iterable<SnapshotLine>): Promise<void> {
    await writeAtomic(path.join(this.dir, SNAPSHOT), async (out) => {
      await writeLine(out, { header: { format: FORMAT, lastSeq } });
      for (const line of lines()) await writeLine(out, line);
    });
    for (const s of await this.segments()) if (s.seq <= lastSeq) await fs.rm(s.file, { force: true });
  }
}

export type SnapshotLine =
  | { header: { format: number; lastSeq: number } }
  | { doc: import("../model.js").DocumentNode }
  | { text: [string, string] }
  | { ev: import('../model.js').EvidenceRow }
  | { cur: import('../model.js').Curation }
  | { file: [string, string, string | null] };
