// The embedded store keeps what was committed across restarts: from the journal, from a
// snapshot, and from a snapshot plus a journal; texts and quotes included.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { batch, comparable, doc, ev, KL96, NQ45, sampleBatch, stub } from '../support/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cg-persist-'));
  dirs.push(d);
  return d;
};

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
