// The full-text index is written beside each snapshot and read back on open instead of tokenising
// every text again; a missing, damaged or stale file falls back to the texts with the same answers.
import { readdirSync, rmSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { decodeIndex, encodeIndex } from '../../services/store/embedded/search-file.js';
import { TextIndex } from '../../services/store/embedded/text-index.js';
import { SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { tempDirs } from '../support/tmp.js';

const tmp = tempDirs('cg-search');

const QUERIES = ['nghi quyet 45', 'Kết luận', 'ket luan 96', 'thanh uy hai phong', 'dung thuc hien', 'NQ/TU', '312-KL/TU', 'van phong', 'chuong trinh hanh dong'];

async function answers(store: EmbeddedStore): Promise<string[][]> {
  const out: string[][] = [];
  for (const text of QUERIES) out.push((await store.findDocuments({ text }, 50, null)).items.map((i) => i.id));
  return out;
}

const searchFiles = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('search-'));

it('reads the index back from its file, after a snapshot and after a snapshot plus journal, with the same answers', async () => {
  const dir = tmp();
  let store = await EmbeddedStore.open({ dataDir: dir });
  const files = readdirSync(SAMPLE_CORPUS_DIR).map((f) => path.join(SAMPLE_CORPUS_DIR, f));
  await loadPaths(files.slice(0, 3), store, { chunkSize: 1 });
  await store.compact();
  const loaded = await answers(store);
  expect(loaded.filter((ids) => ids.length).length).toBeGreaterThan(4);
  await store.close();
  expect(searchFiles(dir)).toHaveLength(1);

  store = await EmbeddedStore.open({ dataDir: dir });
  expect(store.searchFrom).toBe('file');
  expect(await answers(store)).toEqual(loaded);

  // the journal after the snapshot replays onto the index read back, entries of replaced texts included
  await loadPaths(files.slice(2), store, { chunkSize: 1 });
  const more = await answers(store);
  expect(more).not.toEqual(loaded);
  await store.close();
  store = await EmbeddedStore.open({ dataDir: dir });
  expect(store.searchFrom).toBe('file');
  expect(await answers(store)).toEqual(more);

  // a new snapshot replaces the file of the old one
  const old = searchFiles(dir)[0];
  await store.compact();
  expect(searchFiles(dir)).toHaveLength(1);
  expect(searchFiles(dir)[0]).not.toBe(old);
  await store.close();

  // damaged, stale or missing: rebuilt from the texts, same answers
  const file = path.join(dir, searchFiles(dir)[0]);
  const bytes = readFileSync(file);
  const stale = () => {
    const other = Buffer.from(bytes);
    other.writeDoubleLE(1, 8); // the index of another snapshot, under this one's name
    writeFileSync(file, other);
  };
  for (const harm of [() => truncateSync(file, bytes.length - 3), stale, () => rmSync(file)]) {
    writeFileSync(file, bytes);
    harm();
    store = await EmbeddedStore.open({ dataDir: dir });
    expect(store.searchFrom).toBe('texts');
    expect(await answers(store)).toEqual(more);
    await store.close();
  }
  writeFileSync(file, bytes);
  store = await EmbeddedStore.open({ dataDir: dir });
  expect(store.searchFrom).toBe('file');
  await store.close();
});

it('round-trips an index with replaced entries, which then keeps growing', () => {
  const index = new TextIndex();
  index.set(0, '45-NQ/TW Nghị quyết', 'về khoa học, công nghệ');
  index.set(1, '96-KL/TW Kết luận', 'tiếp tục thực hiện Nghị quyết số 45-NQ/TW');
  index.set(0, '45-NQ/TW Nghị quyết', 'về xây dựng giai cấp công nhân'); // replaces entry 0
  const names = ['a', 'b', 'c'];
  const bytes = Buffer.concat([...encodeIndex(index.parts(), (n) => names[n], 7)]);
  const order = (a: number, b: number) => a - b;
  const search = (i: TextIndex, q: string) => i.search(q, order).map((h) => [names[h.node], h.score]);

  expect(decodeIndex(bytes, 8, (id) => names.indexOf(id))).toBeNull();
  expect(decodeIndex(bytes, 7, (id) => (id === 'a' ? undefined : names.indexOf(id)))).toBeNull();
  const back = decodeIndex(bytes, 7, (id) => names.indexOf(id))!;
  expect(back.size).toBe(2);
  for (const q of ['nghi quyet', 'cong nghe', 'cong nhan', '45-NQ/TW', 'ket luan 96']) expect(search(back, q)).toEqual(search(index, q));
  expect(search(back, 'cong nghe')).toEqual([]);

  // postings read back are exactly full: adding to them must grow, not drop entries
  for (let n = 2; n < 40; n++) back.set(n % 3 === 2 ? 2 : n, `${n}-NQ/TW Nghị quyết`, 'công nhân');
  expect(search(back, 'cong nhan').map(([, s]) => s)).toHaveLength(new Set([0, 2, ...Array.from({ length: 38 }, (_, k) => k + 2).filter((n) => n % 3 !== 2)]).size);

  // written again, the part read back and the part added since make one list
  const many = Array.from({ length: 40 }, (_, n) => `n${n}`);
  const again = decodeIndex(Buffer.concat([...encodeIndex(back.parts(), (n) => many[n], 9)]), 9, (id) => many.indexOf(id))!;
  for (const q of ['nghi quyet', 'cong nhan', '45-NQ/TW', '12-NQ/TW']) expect(again.search(q, order)).toEqual(back.search(q, order));
  expect(again.search('cong nhan', order).length).toBeGreaterThan(20);
});
