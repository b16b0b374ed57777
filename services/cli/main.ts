#!/usr/bin/env node
// Command line: serve (npm start), load (npm run load), extract (npm run extract).
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
      return await loadPaths(paths, store, {
        chunkSize: Number(options.chunk),
        onProgress: (p) => {
          if (!bar) return;
          if (!started) bar.start(p.total, 0, { file: '' });
          started = true;
          bar.update(p.done, { file: p.file.slice(-40) });
        },
      });
    } catch (err) {
      fail(`load stopped: ${(err as Error).message}. Batches already committed are whole; run the same command again to finish.`);
    } finally {
      bar?.stop();
    }
  });
  printSummary(summary, process.stdout);
  if (summary.errors.length) process.exitCode = 1;
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

function cliFailure(err: unknown): never {
  if (err instanceof CliError) fail(err.message);
  throw err;
}

for (const command of program.commands) command.addHelpText('after', envHelp);

await program.parseAsync(process.argv);
