#!/usr/bin/env node
// Command line: serve (npm start), load (npm run load), extract (npm run extract), export, import, copy.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, ENV_DOCS, loadConfig, type Config } from '../config.js';
import { describeStore, openStore } from '../store/open.js';
import type { Store } from '../store/port.js';
import { extractFiles, loadPaths, type LoadSummary } from '../../graph-loaders/load.js';
import { listFiles } from '../../graph-loaders/read.js';
import { resolveExtractions } from '../../graph-loaders/resolve.js';
import { toExtractionLine } from '../../graph-loaders/output.js';
import { SAMPLE_CORPUS_DIR } from '../paths.js';
import { copyToNeo4j, DEFAULT_BATCH_ROWS, type CopyPhase } from '../export/to-neo4j.js';
import { writeNeo4jImportFiles } from '../export/neo4j-files.js';
import { finishNeo4jImport, readManifest } from '../export/neo4j-import.js';
import { EmbeddedStore } from '../store/embedded/index.js';
import { CliError, EXPORT_HELP, runExport, runImport, type ExportCliOptions, type ImportCliOptions } from '../export/cli.js';

const envHelp = `\nEnvironment variables:\n${ENV_DOCS.map(([k, v]) => `  ${k.padEnd(20)} ${v}`).join('\n')}\n`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

async function withStore<T>(cfg: Config, run: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(cfg);
  } catch (err) {
    fail(`cannot open the ${describeStore(cfg)}: ${(err as Error).message}`);
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

function printSummary(summary: LoadSummary, out: NodeJS.WritableStream): void {
  out.write(
    `loaded ${summary.documents} documents from ${summary.files} files: ${summary.relations} relations (${summary.evidence} assertions), ` +
      `${summary.unresolved} unresolved references (${summary.ambiguous} ambiguous), ${summary.errors.length} errors\n`,
  );
  for (const e of summary.errors) out.write(`  ${e.file}: ${e.error}\n`);
}

async function load(paths: string[], options: { chunk: string }): Promise<void> {
  const cfg = config();
  const summary = await withStore(cfg, async (store) => {
    process.stderr.write(`loading into the ${describeStore(cfg)}\n`);
    const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} files | {file}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
    let started = false;
    try {
      const summary = await loadPaths(paths, store, {
        chunkSize: Number(options.chunk),
        onProgress: (p) => {
          if (!bar) return;
          if (!started) bar.start(p.total, 0, { file: '' });
          started = true;
          bar.update(p.done, { file: p.file.slice(-40) });
        },
      });
      bar?.stop();
      if (store instanceof EmbeddedStore && (await store.compactIfLarge())) process.stderr.write('folded the journal into the snapshot, for a quicker open\n');
      return summary;
    } catch (err) {
      fail(`load stopped: ${(err as Error).message}. Batches already committed are whole; run the same command again to finish.`);
    } finally {
      bar?.stop();
    }
  });
  printSummary(summary, process.stdout);
  if (summary.errors.length) process.exitCode = 1;
}

interface CopyCliOptions {
  toNeo4j?: boolean;
  toNeo4jFiles?: string;
  finishNeo4jImport?: string;
  from?: string;
  batch: string;
}

/** The embedded store of --from (or DATA_DIR), which must exist. */
async function sourceStore(cfg: Config, from: string | undefined): Promise<{ source: EmbeddedStore; dataDir: string }> {
  const dataDir = path.resolve(from ?? cfg.dataDir);
  // opening a folder that does not exist would create an empty store and copy nothing
  if (!existsSync(dataDir)) fail(`no embedded store in ${dataDir} (give its folder with --from, or set DATA_DIR)`);
  return { source: await EmbeddedStore.open({ dataDir }), dataDir };
}

async function copy(options: CopyCliOptions): Promise<void> {
  const targets = [options.toNeo4j, options.toNeo4jFiles, options.finishNeo4jImport].filter((t) => t !== undefined && t !== false);
  if (targets.length !== 1) fail('copy needs one of --to-neo4j, --to-neo4j-files <dir> and --finish-neo4j-import <dir>');
  if (options.toNeo4jFiles !== undefined) return copyToFiles(options.toNeo4jFiles, options.from);
  if (options.finishNeo4jImport !== undefined) return finishImport(options.finishNeo4jImport);
  const cfg = config();
  if (!cfg.neo4j) fail('copy --to-neo4j writes to the Neo4j of NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD: set NEO4J_URI');
  if (!cfg.neo4j.password) fail('copy --to-neo4j writes: set NEO4J_PASSWORD');
  const batchRows = Number(options.batch);
  if (!Number.isInteger(batchRows) || batchRows < 1) fail(`--batch is not a positive whole number: ${options.batch}`);
  const { source, dataDir } = await sourceStore(cfg, options.from);
  const target = `Neo4j at ${cfg.neo4j.uri} (database ${cfg.neo4j.database})`;
  process.stderr.write(`copying the embedded store in ${dataDir} into the ${target}\n`);
  // one bar per phase: evidence is written beside the documents and relationships
  const bars = process.stderr.isTTY ? new cliProgress.MultiBar({ format: '{phase} {bar} {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  const shown = new Map<CopyPhase, cliProgress.SingleBar>();
  try {
    // the bar's totals come from the source's counts (its visible evidence and its documents, placeholders aside): near enough
    const stats = await source.stats();
    const totals: Record<CopyPhase, number> = { documents: stats.documents, evidence: stats.evidence, curations: 0, relationships: stats.relations };
    const summary = await copyToNeo4j(source, cfg.neo4j, {
      batchRows,
      onProgress: (phase, done) => {
        if (!bars) return;
        let bar = shown.get(phase);
        if (!bar) shown.set(phase, (bar = bars.create(Math.max(totals[phase], done), 0, { phase: phase.padEnd(13) })));
        bar.setTotal(Math.max(totals[phase], done));
        bar.update(done);
      },
    });
    bars?.stop();
    const s = summary.seconds;
    const rows = summary.documents + summary.files + summary.evidence + summary.curations + summary.relationships;
    process.stdout.write(
      `copied ${summary.documents} documents (${summary.stubs} stubs), ${summary.relationships} relations, ${summary.evidence} evidence rows, ${summary.curations} curations ` +
        `in ${s.toFixed(1)} s: ${Math.round(summary.documents / s)} documents/s, ${Math.round(summary.relationships / s)} relations/s, ${Math.round(rows / s)} rows/s\n`,
    );
  } catch (err) {
    bars?.stop();
    fail((err as Error).message);
  } finally {
    await source.close();
  }
}

/** The offline first load, step 1: the import files of scripts/neo4j/import.sh. */
async function copyToFiles(dir: string, from: string | undefined): Promise<void> {
  const { source, dataDir } = await sourceStore(config(), from);
  process.stderr.write(`writing the graph of the embedded store in ${dataDir} as neo4j-admin import files into ${path.resolve(dir)}\n`);
  try {
    const s = await writeNeo4jImportFiles(source, dir);
    const nodes = Object.values(s.nodes).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `wrote ${s.nodes.Document} documents, ${s.nodes.Evidence} evidence rows, ${s.nodes.Curation} curations, ${s.nodes.File} files (${nodes} nodes) and ${s.relationships} relationships in ${s.seconds.toFixed(1)} s\n` +
        `next: stop the Neo4j server, bash scripts/neo4j/import.sh ${dir}, start it, then npm run copy -- --finish-neo4j-import ${dir}\n`,
    );
  } catch (err) {
    fail((err as Error).message);
  } finally {
    await source.close();
  }
}

/** The offline first load, last step: on the started server, check the counts, then the schema. */
async function finishImport(dir: string): Promise<void> {
  const cfg = config();
  if (!cfg.neo4j) fail('copy --finish-neo4j-import works on the Neo4j of NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD: set NEO4J_URI');
  try {
    const s = await finishNeo4jImport(cfg.neo4j, await readManifest(dir));
    process.stdout.write(`finished the import in ${s.seconds.toFixed(1)} s (indexes ${s.indexSeconds.toFixed(1)} s, ${s.emptyListsSet} empty lists set)\n`);
  } catch (err) {
    fail((err as Error).message);
  }
}

async function extract(paths: string[]): Promise<void> {
  const { files, missing } = await listFiles(paths);
  const { loaded, errors } = await extractFiles(files);
  const resolved = resolveExtractions(loaded.map((l) => l.extraction));
  const lines: { file: string; line: string }[] = [];
  for (const r of resolved) lines.push({ file: r.file, line: JSON.stringify(toExtractionLine(r)) });
  for (const e of [...missing.map((file) => ({ file, error: 'no such file or folder' })), ...errors]) lines.push({ file: e.file, line: JSON.stringify(e) });
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { line } of lines) process.stdout.write(line + '\n');
  if (errors.length || missing.length) process.exitCode = 1;
}

async function serve(): Promise<void> {
  const cfg = config();
  let store: Store;
  try {
    store = await openStore(cfg);
  } catch (err) {
    fail(`cannot open the ${describeStore(cfg)}: ${(err as Error).message}`);
  }
  if (cfg.sampleCorpus && (await store.stats()).documents === 0) {
    process.stderr.write(`first start: loading the sample corpus from ${SAMPLE_CORPUS_DIR}\n`);
    printSummary(await loadPaths([SAMPLE_CORPUS_DIR], store), process.stderr);
  }
  const { buildServer } = await import('../server.js');
  const app = await buildServer(cfg, store);
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: cfg.port, host: cfg.host });
  process.stderr.write(`serving the ${describeStore(cfg)}\n  GraphQL  http://${cfg.host}:${cfg.port}/graphql\n${cfg.graphiql ? `  GraphiQL http://${cfg.host}:${cfg.port}/graphiql\n` : ''}  explorer http://${cfg.host}:${cfg.port}/\n`);
}

const program = new Command()
  .name('citation-graph')
  .description('Knowledge graph of Vietnamese Party and State document citations.')
  .addHelpText('after', envHelp);

program.command('serve').description('serve the GraphQL API and the explorer (loads the sample corpus into an empty store)').action(serve);
program
  .command('load')
  .description('load text files or folders into the configured store; prints a summary')
  .argument('<paths...>', 'files or folders')
  .option('--chunk <n>', 'files per committed batch', '500')
  .action(load);
program
  .command('extract')
  .description('print one JSON line per file: the document and the relations it asserts; touches no store')
  .argument('<paths...>', 'files or folders')
  .action(extract);

program
  .command('export')
  .description('write the graph in an exchange format, streamed (to stdout unless --out)')
  .argument('<format>', 'eli | documents-csv | relations-csv | curations-csv | csv | graphml | neo4j')
  .option('--out <path>', 'file to write (a folder for csv)')
  .option('--as-of <date>', 'date statuses are computed on, YYYY-MM-DD (default today)')
  .option('--id <id>', 'one document only (eli)')
  .option('--base <iri>', 'prefix of the IRIs minted for documents and issuers (eli)')
  .addHelpText('after', `\nFormats:\n${EXPORT_HELP}\n`)
  .action((format: string, options: ExportCliOptions) => withStore(config(), (store) => runExport(store, format, options)).then((files) => files.forEach((f) => process.stderr.write(`wrote ${f}\n`)), cliFailure));
program
  .command('import')
  .description('read the csv export (documents.csv, relations.csv, curations.csv) into the configured store, all or nothing')
  .argument('[folder]', 'folder the csv export wrote')
  .option('--documents <file>', 'documents.csv')
  .option('--relations <file>', 'relations.csv')
  .option('--curations <file>', 'curations.csv (optional)')
  .option('--merge', 'import into a store that already holds documents')
  .action((folder: string | undefined, options: ImportCliOptions) =>
    withStore(config(), (store) => runImport(store, folder, options)).then((n) => {
      process.stdout.write(`imported ${n.documents} documents, ${n.evidence} assertions, ${n.curations} curations\n`);
    }, cliFailure),
  );

program
  .command('copy')
  .description('copy the whole embedded store into an EMPTY Neo4j in large batches: the first load of a large corpus (then `load` keeps it current)')
  .option('--to-neo4j', 'the target: the Neo4j of NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE (it must hold nothing)')
  .option('--to-neo4j-files <dir>', 'offline instead, on the machine of the Neo4j server: write neo4j-admin import files into <dir> (then scripts/neo4j/import.sh)')
  .option('--finish-neo4j-import <dir>', 'after scripts/neo4j/import.sh <dir> and the server\'s start: check the counts, create the constraints and indexes')
  .option('--from <dir>', 'folder of the embedded store (default DATA_DIR)')
  .option('--batch <n>', 'rows per write transaction', String(DEFAULT_BATCH_ROWS))
  .action(copy);

function cliFailure(err: unknown): never {
  if (err instanceof CliError) fail(err.message);
  throw err;
}

for (const command of program.commands) command.addHelpText('after', envHelp);

await program.parseAsync(process.argv);
