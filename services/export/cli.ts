// The `export` and `import` commands (wired in cli/main.ts).
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isIsoDate, today } from '../domain/dates.js';
import type { Store } from '../store/port.js';
import { CSV_SET, EXPORT_FORMATS, exportFormat } from './index.js';
import { batchFromCsv, csvFilesIn, ImportError, type CsvFiles } from './import-csv.js';

export class CliError extends Error {}

export const EXPORT_HELP = [...EXPORT_FORMATS.map((f) => `  ${f.name.padEnd(14)} ${f.description}`), `  ${'csv'.padEnd(14)} documents.csv, relations.csv and curations.csv into the folder --out (what \`import\` reads)`].join('\n');

export interface ExportCliOptions {
  out?: string;
  asOf?: string;
  id?: string;
  base?: string;
}

async function write(chunks: AsyncIterable<string>, out: string | undefined): Promise<void> {
  if (out) return pipeline(Readable.from(chunks), createWriteStream(out));
  // stdout stays open; wait for it to drain rather than buffer the export
  for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

export async function runExport(store: Store, name: string, options: ExportCliOptions): Promise<string[]> {
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) throw new CliError(`--as-of is not a date (YYYY-MM-DD): ${asOf}`);
  if (options.id !== undefined && name !== 'eli') throw new CliError('--id goes with the eli format only');
  if (options.id !== undefined && !(await store.getDocuments([options.id]))[0]) throw new CliError(`no document with id ${options.id}`);
  const opts = { asOf, id: options.id, base: options.base };
  if (name === 'csv') {
    if (!options.out) throw new CliError('csv writes three files: give a folder with --out');
    await fs.mkdir(options.out, { recursive: true });
    const written: string[] = [];
    for (const part of CSV_SET) {
      const format = exportFormat(part)!;
      const file = path.join(options.out, format.file);
      await write(format.write(store, opts), file);
      written.push(file);
    }
    return written;
  }
  const format = exportFormat(name);
  if (!format) throw new CliError(`unknown export format ${name}; one of: ${[...EXPORT_FORMATS.map((f) => f.name), 'csv'].join(', ')}`);
  await write(format.write(store, opts), options.out);
  return options.out ? [options.out] : [];
}

export interface ImportCliOptions {
  documents?: string;
  relations?: string;
  curations?: string;
  /** Import into a store that already holds documents. */
  merge?: boolean;
}

/** Read the CSV export back into the store as one batch: all of it, or nothing. */
export async function runImport(store: Store, folder: string | undefined, options: ImportCliOptions): Promise<{ documents: number; evidence: number; curations: number }> {
  let files: CsvFiles;
  if (folder) files = await csvFilesIn(folder);
  else if (options.documents && options.relations) files = { documents: options.documents, relations: options.relations, curations: options.curations ?? null };
  else throw new CliError('give the folder the csv export wrote, or both --documents and --relations');
  if (!options.merge && (await store.stats()).documents > 0) throw new CliError('the store already holds documents; import into an empty store, or pass --merge');
  let batch;
  try {
    batch = await batchFromCsv(files);
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(err.message);
    throw err;
  }
  await store.applyBatch(batch);
  return { documents: batch.documents.length + batch.stubs.length, evidence: batch.evidence.length, curations: batch.curations.length };
}
