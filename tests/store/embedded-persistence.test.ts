// The embedded store keeps what was committed across restarts: from the journal, from a
// snapshot, and from a snapshot plus a journal; texts and quotes included.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { batch, comparable, doc, ev, KL96, NQ45, sampleBatch, stub } from '../support/fixtures.js';
import { tempDirs } from '../support/tmp.js';

const tmp = tempDirs('cg-persist');

it('replays the journal, a snapshot, and a snapshot plus journal to the same graph', async () => {
  const dir = tmp();
  let store = await EmbeddedStore.open({ dataDir: dir });
  await store.applyBatch(sampleBatch());
  const text = 'Kế hoạch số 5-KH/TU thực hiện Nghị quyết số 45-NQ/TW của Bộ Chính trị';
  const plan = doc('5-KH/TU@2025-03-01', { type: 'Kế hoạch' });
  const quote = 'thực hiện Nghị quyết số 45-NQ/TW';
  const start = text.indexOf(quote);
  await store.applyBatch(batch({ docs: [plan], stubs: [stub(NQ45)], evidence: [ev(plan.id, 'IMPLEMENTS', NQ45, { quote, start, end: start + quote.length, key: `${plan.id}|${start}|${start + quote.length}|IMPLEMENTS|self|45-NQ/TW` })], texts: { [plan.id]: text } }));
  const before = comparable(await store.dump());
  await store.close();

  store = await EmbeddedStore.open({ dataDir: dir });
  expect(comparable(await store.dump())).toEqual(before);
  expect(await store.texts([plan.id, KL96])).toEqual([text, 'KẾT LUẬN CỦA BỘ CHÍNH TRỊ về tiếp tục thực hiện Nghị quyết số 45-NQ/TW']);
  const [rows] = await store.evidenceOf([plan.id], 'OUT');
  expect(rows[0].quote).toBe(quote);

  await store.compact();
  expect(readdirSync(path.join(dir, 'journal'))).toEqual([]);
  await store.applyBatch(batch({ docs: [doc('6-KH/TU@2025-04-01')], stubs: [stub(NQ45)], evidence: [ev('6-KH/TU@2025-04-01', 'CITES', NQ45)] }));
  const after = comparable(await store.dump());
  await store.close();

  store = await EmbeddedStore.open({ dataDir: dir });
  expect(comparable(await store.dump())).toEqual(after);
  expect((await store.findDocuments({ text: 'ke hoach 5' }, 5, null)).items[0].id).toBe(plan.id);
  await store.close();
});

it('keeps a stub out of the journal only when applying it would change nothing', async () => {
  const dir = tmp();
  const store = await EmbeddedStore.open({ dataDir: dir });
  const segment = (seq: number) => JSON.parse(readFileSync(path.join(dir, 'journal', `${String(seq).padStart(12, '0')}.json`), 'utf8'));
  const cite = (from: string) => ev(from, 'CITES', NQ45);
  const a = doc('1-KH/TU@2025-01-01', { file: 'a.txt' });
  await store.applyBatch(batch({ docs: [a], stubs: [stub(NQ45)], evidence: [cite(a.id)] }));
  expect(segment(1).batch.stubs.map((s: { id: string }) => s.id)).toEqual([NQ45]);

  // the same stub again: nothing to merge, left out
  const b = doc('2-KH/TU@2025-02-01', { file: 'b.txt' });
  await store.applyBatch(batch({ docs: [b], stubs: [stub(NQ45)], evidence: [cite(b.id)] }));
  expect(segment(2).batch.stubs).toEqual([]);

  // a stub that says more (a title) is kept
  const c = doc('3-KH/TU@2025-03-01', { file: 'c.txt' });
  await store.applyBatch(batch({ docs: [c], stubs: [stub(NQ45, { title: 'về phát triển' })], evidence: [cite(c.id), ev(c.id, 'CITES', b.id)] }));
  expect(segment(3).batch.stubs.map((s: { id: string }) => s.id)).toEqual([NQ45]);

  // b.txt now holds another document: b becomes a stub in this batch, so its stub is kept
  const e = doc('4-KH/TU@2025-04-01', { file: 'b.txt' });
  await store.applyBatch(batch({ docs: [e], stubs: [stub(b.id, { title: 'kế hoạch thực hiện' })], evidence: [ev(e.id, 'CITES', b.id)] }));
  expect(segment(4).batch.stubs.map((s: { id: string }) => s.id)).toEqual([b.id]);

  const before = comparable(await store.dump());
  expect(before.documents.find((x) => x.id === NQ45)?.title).toBe('về phát triển');
  expect(before.documents.find((x) => x.id === b.id)).toMatchObject({ stub: true, title: 'kế hoạch thực hiện' });
  await store.close();
  const again = await EmbeddedStore.open({ dataDir: dir });
  expect(comparable(await again.dump())).toEqual(before);
  await again.close();
});

it('writes its sizes in the snapshot header, and opens a snapshot whose sizes are missing or absurd to the same graph', async () => {
  const dir = tmp();
  let store = await EmbeddedStore.open({ dataDir: dir });
  await store.applyBatch(sampleBatch());
  const rows = (await store.dump()).evidence.length;
  await store.compact();
  const graph = comparable(await store.dump());
  await store.close();

  const file = path.join(dir, 'snapshot.ndjson');
  const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
  const header = JSON.parse(first).header;
  expect(header.sizes.rows).toBe(rows);
  expect(header.sizes.nodes).toBeGreaterThanOrEqual(graph.documents.length);
  // a snapshot before sizes, and headers no open should trust: each opens to the same graph
  for (const sizes of [undefined, { rows: 1e15, nodes: 3 }, { rows: -1, nodes: 2 }, { rows: '9', nodes: 2 }, { rows: 0, nodes: 0 }]) {
    writeFileSync(file, [JSON.stringify({ header: { ...header, sizes } }), ...rest].join('\n'));
    store = await EmbeddedStore.open({ dataDir: dir });
    expect(comparable(await store.dump())).toEqual(graph);
    await store.close();
  }
});

it('folds the journal at the end of a load only when it holds more than compactBytes', async () => {
  const dir = tmp();
  const journal = () => readdirSync(path.join(dir, 'journal'));
  let store = await EmbeddedStore.open({ dataDir: dir, compactBytes: 10 * 1024 * 1024 });
  await store.applyBatch(sampleBatch());
  const graph = comparable(await store.dump());
  expect(await store.compactIfLarge()).toBe(false);
  expect(journal()).toHaveLength(1);
  await store.close();

  // the same journal, over a threshold of one byte
  store = await EmbeddedStore.open({ dataDir: dir, compactBytes: 1 });
  expect(await store.compactIfLarge()).toBe(true);
  expect(journal()).toEqual([]);
  expect(await store.compactIfLarge()).toBe(false);
  await store.close();
  store = await EmbeddedStore.open({ dataDir: dir });
  expect(comparable(await store.dump())).toEqual(graph);
  await store.close();
});
