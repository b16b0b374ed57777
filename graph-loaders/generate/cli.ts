// Write a generated corpus to disk: DIR/texts/<shard>/<file>.txt (≤ 1000 files per folder), DIR/truth.jsonl
// (the gold format of tests/fixtures/seeds.gold.jsonl) and DIR/manifest.json (counts, chains). Texts sit
// in their own folder so `load DIR/texts` and `extract DIR/texts` never read the truth as a document.
//   npx tsx graph-loaders/generate/cli.ts --docs 10000 --seed 1 --out bench-out/corpus-10k
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { Command } from 'commander';
import { Corpus } from './corpus.js';

async function main(): Promise<void> {
  const opts = new Command()
    .description('Generate a deterministic corpus of Vietnamese Party and State documents with its truth file')
    .requiredOption('--docs <n>', 'number of documents', (v) => parseInt(v, 10))
    .option('--seed <n>', 'random seed', (v) => parseInt(v, 10), 1)
    .requiredOption('--out <dir>', 'output folder (created)')
    .option('--force', 'replace the output folder if it is not empty')
    .parse()
    .opts<{ docs: number; seed: number; out: string; force?: boolean }>();
  const out = path.resolve(opts.out);
  if (existsSync(out) && readdirSync(out).length) {
    // stale files of another corpus would mix into this one
    if (!opts.force) throw new Error(`${out} is not empty (use --force to replace it)`);
    rmSync(out, { recursive: true, force: true });
  }
  const texts = path.join(out, 'texts');
  mkdirSync(texts, { recursive: true });
  const truth = createWriteStream(path.join(out, 'truth.jsonl'));
  const corpus = new Corpus({ docs: opts.docs, seed: opts.seed });
  const started = Date.now();
  let bytes = 0;
  let edges = 0;
  let ocr = 0;
  let shard = '';
  for (const doc of corpus.documents()) {
    const dir = path.dirname(doc.path);
    if (dir !== shard) mkdirSync(path.join(texts, (shard = dir)), { recursive: true });
    writeFileSync(path.join(texts, doc.path), doc.text);
    bytes += Buffer.byteLength(doc.text);
    edges += doc.truth.length - 1;
    if (doc.ocr) ocr++;
    if (!truth.write(doc.truth.map((t) => JSON.stringify(t)).join('\n') + '\n')) await once(truth, 'drain');
    if ((doc.index + 1) % 50_000 === 0) process.stderr.write(`${doc.index + 1} documents\n`);
  }
  truth.end();
  await once(truth, 'finish');
  const manifest = { docs: opts.docs, seed: opts.seed, bytes, truthEdges: edges, ocrDocuments: ocr, chains: corpus.chains().slice(0, 50) };
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const seconds = (Date.now() - started) / 1000;
  console.log(`${opts.docs} documents, ${(bytes / 1e6).toFixed(1)} MB, ${edges} truth edges (${(edges / opts.docs).toFixed(1)}/document), ${ocr} OCR-damaged, in ${seconds.toFixed(1)} s → ${out}`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
