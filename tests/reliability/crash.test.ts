// Crash safety: kill -9 the real CLI loader at seeded random moments during a load, run it again,
// and the graph equals a clean load of the same files (full dumps, write times aside). After every
// kill, what the embedded store would read is whole. Neo4j: the same when NEO4J_URI is set.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { GraphDump } from '../../services/store/port.js';
import { comparable } from '../support/fixtures.js';
import { neo4jConfig } from '../support/neo4j.js';
import { checkDataDir, COMPACTING, crashAndFinish, runLoader, writeCorpus } from './support/crash.js';

const DOCS = 600;
const CHUNK = 10;
const SEED = Number(process.env.CRASH_SEED ?? 42);
const KILLS = Number(process.env.CRASH_KILLS ?? 6);

async function embeddedDump(dataDir: string): Promise<GraphDump> {
  const store = await EmbeddedStore.open({ dataDir });
  try {
    return await store.dump();
  } finally {
    await store.close();
  }
}

let dir: string;
let texts: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cg-crash-'));
  texts = writeCorpus(path.join(dir, 'corpus'), DOCS, 7);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety: embedded store', () => {
  let clean: GraphDump;
  let fullMs: number;

  beforeAll(async () => {
    const run = await runLoader([texts, '--chunk', String(CHUNK)], { DATA_DIR: path.join(dir, 'clean') });
    expect(run.code, run.stderr).toBe(0);
    fullMs = run.ms;
    clean = await embeddedDump(path.join(dir, 'clean'));
    expect(clean.documents.length).toBeGreaterThan(DOCS);
  }, 120_000);

  for (const [name, script] of [
    ['the CLI', undefined],
    ['a load that writes a snapshot after every commit', COMPACTING],
  ] as const) {
    it(`kill -9 ${name} ${KILLS} times, run again: same graph as a clean load; nothing half-written`, async () => {
      const dataDir = path.join(dir, name.replace(/\W+/g, '-'));
      // kill moments are drawn over this loader's own clean duration
      const own = script ? (await runLoader([texts, '--chunk', String(CHUNK)], { DATA_DIR: path.join(dir, 'clean-compacting') }, undefined, script)).ms : fullMs;
      const seen: number[] = [];
      const result = await crashAndFinish({
        texts,
        env: { DATA_DIR: dataDir },
        chunk: CHUNK,
        kills: KILLS,
        seed: SEED + (script ? 1 : 0),
        fullMs: own,
        script,
        afterKill: async () => {
          expect(checkDataDir(dataDir)).toEqual([]);
          // the store opens on whatever the kill left, and holds whole batches only
          seen.push((await embeddedDump(dataDir)).documents.length);
        },
      });
      console.log(`${name}: killed at ${result.moments.join(', ')} ms of a ${own} ms load (${result.killedMidLoad} while running); documents after each kill: ${seen.join(', ')}`);
      // the kills must interrupt loads, not land after them (timing varies with the machine's load)
      expect(result.killedMidLoad).toBeGreaterThanOrEqual(2);
      expect(result.finish.code, result.finish.stderr).toBe(0);
      expect(comparable(await embeddedDump(dataDir))).toEqual(comparable(clean));
    }, 600_000);
  }
});

describe.skipIf(!process.env.NEO4J_URI)('crash safety: Neo4j', () => {
  it(`kill -9 the CLI ${KILLS} times loading into Neo4j, run again: same graph as a clean load`, async () => {
    const cfg = neo4jConfig()!;
    const env = { NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
    const store = await Neo4jStore.open(cfg);
    try {
      await store.clear();
      const run = await runLoader([texts, '--chunk', String(CHUNK)], env);
      expect(run.code, run.stderr).toBe(0);
      const clean = await store.dump();
      await store.clear();
      const result = await crashAndFinish({ texts, env, chunk: CHUNK, kills: KILLS, seed: SEED + 2, fullMs: run.ms });
      console.log(`neo4j: killed at ${result.moments.join(', ')} ms of a ${run.ms} ms load (${result.killedMidLoad} while running)`);
      expect(result.killedMidLoad).toBeGreaterThanOrEqual(2);
      expect(result.finish.code, result.finish.stderr).toBe(0);
      expect(comparable(await store.dump())).toEqual(comparable(clean));
      await store.clear();
    } finally {
      await store.close();
    }
  }, 900_000);
});
