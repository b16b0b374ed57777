// Crash-safety harness: run the real CLI loader (`node --import tsx services/cli/main.ts load`),
// kill -9 it at seeded random moments, run it again to the end, and give the resulting dump.
// Used by tests/reliability/crash.test.ts (embedded in CI, Neo4j when NEO4J_URI is set) and by
// scripts/reliability/crash.ts (longer runs, figures).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Corpus } from '../../../graph-loaders/generate/corpus.js';
import { rng } from '../fuzz-inputs.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A generated corpus of `docs` documents under dir/texts (written once, reused if present). */
export function writeCorpus(dir: string, docs: number, seed: number): string {
  const texts = path.join(dir, 'texts');
  if (existsSync(path.join(dir, 'done'))) return texts;
  for (const doc of new Corpus({ docs, seed }).documents()) {
    const file = path.join(texts, doc.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, doc.text);
  }
  writeFileSync(path.join(dir, 'done'), '');
  return texts;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The real CLI: `load <paths> --chunk n`. */
export const CLI = ['services/cli/main.ts', 'load'];
/** The same load through an embedded store that writes a snapshot after every commit, so kills land in snapshot writes too. */
export const COMPACTING = ['tests/reliability/support/load-compacting.ts'];

/** One run of a loader (default the CLI); killed with SIGKILL after killAfterMs when given. */
export function runLoader(args: string[], env: Record<string, string>, killAfterMs?: number, script = CLI): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // The store is the one env names: a NEO4J_URI of the test run (CI sets one) must not turn an embedded run into a Neo4j one.
    const inherited = { ...process.env };
    if (!env.NEO4J_URI) delete inherited.NEO4J_URI;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script[0]), ...script.slice(1), ...args], {
      cwd: ROOT,
      env: { ...inherited, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Whatever the embedded store would read in dataDir must be whole: every journal segment parses
 * as one JSON document, the snapshot (if any) is a header line and then whole JSON lines.
 * Leftover temporary files are allowed: the store never reads them and removes them at open.
 */
export function checkDataDir(dataDir: string): string[] {
  const problems: string[] = [];
  const journal = path.join(dataDir, 'journal');
  if (existsSync(journal)) {
    for (const name of readdirSync(journal)) {
      if (!/^\d{12}\.json$/.test(name)) continue;
      try {
        const seg = JSON.parse(readFileSync(path.join(journal, name), 'utf8')) as { seq?: number; batch?: unknown };
        if (typeof seg.seq !== 'number' || !seg.batch) problems.push(`${name}: not a whole segment`);
      } catch (err) {
        problems.push(`${name}: ${(err as Error).message}`);
      }
    }
  }
  const snapshot = path.join(dataDir, 'snapshot.ndjson');
  if (existsSync(snapshot)) {
    const text = readFileSync(snapshot, 'utf8');
    if (!text.endsWith('\n')) problems.push('snapshot.ndjson: does not end with a whole line');
    text
      .split('\n')
      .filter(Boolean)
      .forEach((line, i) => {
        try {
          const v = JSON.parse(line) as Record<string, unknown>;
          if (i === 0 && !('header' in v)) problems.push('snapshot.ndjson: no header line');
        } catch {
          problems.push(`snapshot.ndjson line ${i + 1}: not whole JSON`);
        }
      });
  }
  return problems;
}

export interface CrashOptions {
  texts: string;
  env: Record<string, string>;
  chunk: number;
  kills: number;
  seed: number;
  /** How long a full load takes: kill moments are drawn in [0.1, 1.0] of it. */
  fullMs: number;
  /** Called after each kill (e.g. to check the data dir). */
  afterKill?: (run: Run, i: number) => void | Promise<void>;
  /** Loader killed (default the CLI); the final run is always the CLI. */
  script?: string[];
}

/** kill -9 the loader `kills` times at random moments, then run it to the end. */
export async function crashAndFinish(o: CrashOptions): Promise<{ kills: number; killedMidLoad: number; finish: Run; moments: number[] }> {
  const r = rng(o.seed);
  const moments: number[] = [];
  let killedMidLoad = 0;
  for (let i = 0; i < o.kills; i++) {
    const at = Math.round(o.fullMs * (0.1 + 0.9 * r()));
    moments.push(at);
    const run = await runLoader([o.texts, '--chunk', String(o.chunk)], o.env, at, o.script);
    if (run.signal === 'SIGKILL') killedMidLoad++;
    await o.afterKill?.(run, i);
  }
  const finish = await runLoader([o.texts, '--chunk', String(o.chunk)], o.env);
  return { kills: o.kills, killedMidLoad, finish, moments };
}
