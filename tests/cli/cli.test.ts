// The commands as a user runs them: extract prints one line per file, load commits what it can read
// and names what it cannot, and both exit non-zero when a file failed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'cg-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(PROJECT_ROOT, 'services/cli/main.ts'), ...args], {
    cwd: work,
    env: { ...process.env, NEO4J_URI: '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const corpus = path.join(work, 'corpus');
mkdirSync(corpus);
copyFileSync(path.join(SAMPLE_CORPUS_DIR, 'tw-ket-luan-96-KL-TW-2024-ocr.txt'), path.join(corpus, 'kl96.txt'));
copyFileSync(path.join(SAMPLE_CORPUS_DIR, 'hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt'), path.join(corpus, 'stop.txt'));
writeFileSync(path.join(corpus, 'empty.txt'), '');
writeFileSync(path.join(corpus, 'latin1.txt'), Buffer.from('Grüße aus München, schöne Straße, Größe und Übermaß.\n', 'latin1'));
writeFileSync(path.join(corpus, 'scan.txt'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0)]));

describe('extract', () => {
  it('prints one JSON object per file, errors included, and exits non-zero', () => {
    const res = cli(['extract', corpus]);
    expect(res.status).toBe(1);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => path.basename(l.file))).toEqual(['empty.txt', 'kl96.txt', 'latin1.txt', 'scan.txt', 'stop.txt']);
    const kl96 = lines.find((l) => l.file.endsWith('kl96.txt'));
    expect(kl96.document).toMatchObject({ symbol: '96-KL/TW', issuedOn: '2024-09-30', type: 'Kết luận' });
    expect(kl96.relations).toContainEqual(expect.objectContaining({ from: null, to: { symbol: '45-NQ/TW', date: '2019-01-24' }, type: 'IMPLEMENTS' }));
    for (const r of kl96.relations) expect(typeof r.evidence === 'string' && r.end > r.start).toBe(true);
    expect(lines.find((l) => l.file.endsWith('empty.txt')).error).toMatch(/empty/);
    expect(lines.find((l) => l.file.endsWith('latin1.txt')).error).toMatch(/UTF-8|encoding/i);
    expect(lines.find((l) => l.file.endsWith('scan.txt')).error).toMatch(/PDF/);
  });
});

describe('load', () => {
  it('loads what it can read, names what it cannot, and loads the same files twice to the same graph', async () => {
    const dataDir = path.join(work, 'data');
    const first = cli(['load', corpus], { DATA_DIR: dataDir });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/loaded 2 documents from 5 files: \d+ relations \(\d+ assertions\), \d+ unresolved references \(\d+ ambiguous\), 3 errors/);
    expect(first.stdout).toMatch(/empty\.txt: empty file/);
    let store = await EmbeddedStore.open({ dataDir });
    const once = await store.dump();
    await store.close();
    expect(once.documents.filter((d) => !d.stub).map((d) => d.symbol ?? d.type)).toEqual(expect.arrayContaining(['96-KL/TW', 'Kết luận']));
    cli(['load', corpus], { DATA_DIR: dataDir });
    store = await EmbeddedStore.open({ dataDir });
    const twice = await store.dump();
    await store.close();
    const strip = (d: typeof once) => ({ ...d, documents: d.documents.map(({ updatedAt: _u, ...x }) => x) });
    expect(strip(twice)).toEqual(strip(once));
  });

  it('documents its environment in --help', () => {
    const res = cli(['load', '--help']);
    expect(res.status).toBe(0);
    for (const v of ['PORT', 'HOST', 'DATA_DIR', 'NEO4J_URI']) expect(res.stdout).toContain(v);
  });
});

describe('copy --to-neo4j', () => {
  it('needs a Neo4j to write to, with a password, and an embedded store that exists', () => {
    expect(cli(['copy', '--to-neo4j'], { DATA_DIR: path.join(work, 'data') })).toMatchObject({ status: 2, stderr: expect.stringMatching(/set NEO4J_URI/) });
    expect(cli(['copy', '--to-neo4j'], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: '' })).toMatchObject({ status: 2, stderr: expect.stringMatching(/set NEO4J_PASSWORD/) });
    const missing = cli(['copy', '--to-neo4j', '--from', path.join(work, 'nothing-here')], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringMatching(/no embedded store in .*nothing-here/) });
    expect(cli(['copy'], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' })).toMatchObject({ status: 2, stderr: expect.stringMatching(/--to-neo4j/) });
    expect(cli(['copy', '--to-neo4j', '--to-neo4j-files', path.join(work, 'files')])).toMatchObject({ status: 2, stderr: expect.stringMatching(/one of --to-neo4j/) });
  });

  it('--to-neo4j-files writes the neo4j-admin import files of the store; --finish-neo4j-import needs a Neo4j', () => {
    const dataDir = path.join(work, 'files-data');
    cli(['load', corpus], { DATA_DIR: dataDir });
    const dir = path.join(work, 'import-files');
    const res = cli(['copy', '--to-neo4j-files', dir, '--from', dataDir]);
    expect(res).toMatchObject({ status: 0, stdout: expect.stringMatching(/^wrote \d+ documents, \d+ evidence rows, 0 curations, 2 files \(\d+ nodes\) and \d+ relationships in [\d.]+ s\nnext: /) });
    expect(readdirSync(dir).sort()).toEqual(['documents.csv', 'documents.header.csv', 'evidence.csv', 'evidence.header.csv', 'files.csv', 'files.header.csv', 'import.json', 'relationships.csv', 'relationships.header.csv']);
    expect(cli(['copy', '--finish-neo4j-import', dir])).toMatchObject({ status: 2, stderr: expect.stringMatching(/set NEO4J_URI/) });
  });

  const neo = neo4jConfig();
  it.skipIf(!neo)('copies the loaded store into an empty Neo4j, with a summary, and refuses to copy into it again', async () => {
    const dataDir = path.join(work, 'copy-data');
    cli(['load', corpus], { DATA_DIR: dataDir });
    await (await freshNeo4j()).close();
    const env = { NEO4J_URI: neo!.uri, NEO4J_USER: neo!.user, NEO4J_PASSWORD: neo!.password, NEO4J_DATABASE: neo!.database };
    const first = cli(['copy', '--to-neo4j', '--from', dataDir, '--batch', '7'], env);
    expect(first.stderr).toContain(`into the Neo4j at ${neo!.uri}`);
    expect(first).toMatchObject({ status: 0, stdout: expect.stringMatching(/^copied \d+ documents \(\d+ stubs\), \d+ relations, \d+ evidence rows, 0 curations in [\d.]+ s: \d+ documents\/s, \d+ relations\/s, \d+ rows\/s\n$/) });
    const copied = await Neo4jStore.open(neo!);
    const source = await EmbeddedStore.open({ dataDir });
    expect(await copied.stats()).toEqual(await source.stats());
    await Promise.all([copied.close(), source.close()]);
    const again = cli(['copy', '--to-neo4j', '--from', dataDir], env);
    expect(again).toMatchObject({ status: 2, stderr: expect.stringMatching(/is not empty/) });
    await closeNeo4j();
  }, 120_000);
});
