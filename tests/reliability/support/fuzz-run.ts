// One fuzz run: write seeded hostile inputs as files, load them as `npm run load` does (loadPaths:
// read → bytesToText → guarded extractText → prepareBatch → embedded store), and judge every file:
// refused with a clear reason, or stored with exactly the text it should have.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPaths, type LoadSummary } from '../../../graph-loaders/load.js';
import type { EmbeddedStore } from '../../../services/store/embedded/index.js';
import { corpusLines, fuzzInput, type FuzzInput } from '../fuzz-inputs.js';

export interface KindOutcome {
  loaded: number;
  refused: number;
  /** Refused because no encoding could be told (legacy kinds should rarely be). */
  undecoded: number;
}

export interface FuzzResult {
  summary: LoadSummary;
  inputs: Map<string, FuzzInput>;
  /** Files whose outcome is wrong: refused for no good reason, loaded when they should not be, or with other text. */
  wrong: string[];
  kinds: Map<string, KindOutcome>;
  ms: number;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Loader faults are not reasons: a file must be refused for what it is. */
const UNCLEAR = /extraction failed|extraction stopped|TypeError|undefined/;
/** Reasons a good text may still be refused: it cannot be decoded for sure, or another file of the load is the same document. */
const GOOD_REFUSAL = /^(not valid UTF-8|reads as Vietnamese in|reads as the same document)/;

export async function runFuzz(o: { seed: number; from: number; count: number; dir: string; store: EmbeddedStore; timeoutMs?: number }): Promise<FuzzResult> {
  const lines = corpusLines();
  const inputs = new Map<string, FuzzInput>();
  const inDir = path.join(o.dir, `in-${o.from}`);
  mkdirSync(inDir, { recursive: true });
  for (let i = o.from; i < o.from + o.count; i++) {
    const input = await fuzzInput(o.seed, i, lines);
    const file = path.join(inDir, `${String(i).padStart(7, '0')}-${input.kind}.txt`);
    writeFileSync(file, input.bytes);
    inputs.set(file, input);
  }
  const t0 = Date.now();
  const summary = await loadPaths([inDir], o.store, { chunkSize: 500, limits: { timeoutMs: o.timeoutMs ?? 20_000 } });
  const ms = Date.now() - t0;
  const errors = new Map(summary.errors.map((e) => [e.file, e.error]));
  const held = await o.store.fileHashes([...inputs.keys()]);
  const wrong: string[] = [];
  const kinds = new Map<string, KindOutcome>();
  for (const [file, input] of inputs) {
    const error = errors.get(file);
    const stored = held.get(file);
    const k = kinds.get(input.kind) ?? { loaded: 0, refused: 0, undecoded: 0 };
    kinds.set(input.kind, k);
    if (error !== undefined) {
      k.refused++;
      if (/^(not valid UTF-8|reads as Vietnamese in)/.test(error)) k.undecoded++;
      if (!error || UNCLEAR.test(error)) wrong.push(`${file}: unclear error: ${error}`);
      if (input.expect && !GOOD_REFUSAL.test(error)) wrong.push(`${file}: refused good input: ${error}`);
      continue;
    }
    k.loaded++;
    if (!stored) {
      wrong.push(`${file}: neither loaded nor refused`);
      continue;
    }
    if (input.expect === null) wrong.push(`${file}: ${input.kind} should have been refused`);
    else if (input.expect !== undefined) {
      const text = (await o.store.texts([stored.id]))[0] ?? '';
      const same = input.caseless ? text.toLowerCase() === input.expect.toLowerCase() : stored.textHash === sha(input.expect);
      if (!same) wrong.push(`${file}: stored text differs from the input's`);
    }
  }
  return { summary, inputs, wrong, kinds, ms };
}
