// One benchmark process: extraction, or a store loaded and served, or the peer served. Run by
// run.ts with IPC; one process per store so memory and CPU figures belong to that store alone.
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { loadConfig, type Neo4jConfig } from '../../services/config.js';
import { buildServer } from '../../services/server.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';
import { startProfile } from './cpu-profile.js';
import { gc, memoryOf, openMeasured } from './open-store.js';
import { Breakdown, instrumentReads } from './instrument.js';
import { buildPeerServer } from './peer/server.js';
import { runExtract } from './stages/extract.js';
import { loadCorpus, preloadedCorpus } from './stages/load.js';
import { buildPools } from './stages/pools.js';

export type WorkerTask =
  | { task: 'extract'; docs: number; seed: number; score: boolean }
  | { task: 'store'; kind: 'embedded' | 'neo4j'; docs: number; seed: number; chunk: number; baselineDocs: number; baselineSeconds: number; maxLoadSeconds?: number; neo4j?: Neo4jConfig; tmpDir: string; profileFile?: string; keepData?: boolean; preloaded?: boolean }
  | { task: 'open'; dataDir: string; keep?: boolean }
  | { task: 'peer'; neo4j: Neo4jConfig; jit: boolean };

const send = (msg: unknown) => process.send?.(msg);
const progress = (text: string) => send({ type: 'progress', text });

async function serve(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/**
 * Serve requests from run.ts until it says stop: store reads counted since the last reset, and CPU
 * profiles of the serving process (written to a file) around a measured run.
 */
function serveControl(reads: Breakdown | null): Promise<void> {
  let stopProfile: ((file: string) => Promise<void>) | null = null;
  return new Promise((resolve) => {
    process.on('message', async (m: { type?: string; file?: string }) => {
      if (m?.type === 'stop') resolve();
      else if (m?.type === 'reads-reset') {
        reads?.reset();
        send({ type: 'reads-reset' });
      } else if (m?.type === 'reads') send({ type: 'reads', rows: reads?.rows() ?? [] });
      else if (m?.type === 'profile-start') {
        stopProfile = await startProfile();
        send({ type: 'profile-start' });
      } else if (m?.type === 'profile-stop' && stopProfile) {
        await stopProfile(m.file!);
        stopProfile = null;
        send({ type: 'profile-stop' });
      }
    });
  });
}

async function storeTask(t: Extract<WorkerTask, { task: 'store' }>): Promise<void> {
  const stopProfile = t.profileFile ? await startProfile() : null;
  gc();
  const rssEmpty = process.memoryUsage().rss;
  let dataDir: string | null = null;
  let store: Store;
  if (t.kind === 'embedded') {
    dataDir = mkdtempSync(path.join(t.tmpDir, 'embedded-'));
    store = await EmbeddedStore.open({ dataDir });
  } else {
    const { Neo4jStore } = await import('../../services/store/neo4j/index.js');
    const neo = await Neo4jStore.open(t.neo4j!);
    if (!t.preloaded) {
      progress('clearing Neo4j');
      await neo.clear();
    }
    store = neo;
  }
  let corpus: Corpus | null = new Corpus({ docs: t.docs, seed: t.seed });
  const started = performance.now();
  const load = t.preloaded ? await preloadedCorpus(store, corpus, t.chunk) : await loadCorpus(store, corpus, {
    chunk: t.chunk,
    baselineDocs: t.baselineDocs,
    baselineSeconds: t.baselineSeconds,
    maxSeconds: t.maxLoadSeconds,
    onProgress: (done, total) => progress(`${t.kind}: ${done}/${total} documents loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  await stopProfile?.(t.profileFile!);
  const pools = await buildPools(store, corpus, load.sampleIds, t.seed);
  load.sampleIds = [];
  corpus = null; // the generator's plan is not the store's memory
  gc();
  const memory = memoryOf(rssEmpty);
  if (t.keepData && dataDir) {
    // run.ts serves this store from a new process (task 'open'), which then owns the folder
    await store.close();
    send({ type: 'ready', port: 0, load, pools, memory, dataDir });
    await serveControl(null);
    return;
  }
  await serveStore(store, { load, pools, memory });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** Serve the store's GraphQL API, say ready (with `facts`), and answer run.ts until it says stop. */
async function serveStore(store: Store, facts: Record<string, unknown>): Promise<void> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'silent', GRAPHIQL: 'false', SAMPLE_CORPUS: 'false' });
  const reads = new Breakdown();
  instrumentReads(store, reads);
  const app = await buildServer(config, store);
  const port = await serve(app);
  send({ type: 'ready', port, ...facts });
  await serveControl(reads);
  await app.close();
  await store.close();
}

/** A server started on a store folder a load left: how long it takes to open, and its memory. */
async function openTask(t: Extract<WorkerTask, { task: 'open' }>): Promise<void> {
  const { store, seconds, memory } = await openMeasured(t.dataDir);
  await serveStore(store, { seconds, memory });
  if (!t.keep) rmSync(t.dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const t = JSON.parse(process.argv[2]) as WorkerTask;
  if (t.task === 'extract') {
    const result = runExtract(t.docs, t.seed, t.score, (done) => done % 50_000 === 0 && progress(`extract: ${done}/${t.docs} documents`));
    send({ type: 'result', result });
  } else if (t.task === 'store') {
    await storeTask(t);
  } else if (t.task === 'open') {
    await openTask(t);
  } else {
    const { app } = await buildPeerServer(t.neo4j, { jit: t.jit });
    send({ type: 'ready', port: await serve(app) });
    await serveControl(null);
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    send({ type: 'error', message: err.stack ?? err.message });
    process.exit(1);
  },
);
