// The one contract both stores pass: same batches in, same answers out.
import { beforeEach, describe, expect, it } from 'vitest';
import { EFFECT_STATUSES, IN_EFFECT_VALUES, statusOn, statusPredicate } from '../../services/domain/effect.js';
import { curatedEvidenceKey, CURATION_SOURCE } from '../../services/domain/curation.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch } from '../../services/store/model.js';
import { emptyBatch, relationKey } from '../../services/store/model.js';
import { EVIDENCE_KEYS, type DocumentField, type EvidenceField, type ReadFields, type Store } from '../../services/store/port.js';
import { batch, comparable, doc, ev, stub, NQ45, KL96, OLD08, NEW08, KL312, STOP, sampleBatch as sample } from '../support/fixtures.js';
import { AMBIGUOUS, everyFieldBatches, FULL, LATER, NEWER, UNDATED } from '../support/fixtures.js';

// every field of the model, by name (the type checker holds these lists to the model)
const DOCUMENT_FIELDS = Object.keys({
  symbol: 0, symbolKey: 0, type: 0, issuer: 0, issuedOn: 0, issuedNotBefore: 0, effectiveFrom: 0, expiresOn: 0, title: 0, place: 0, locality: 0, term: 0,
  stub: 0, ambiguous: 0, candidates: 0, consolidated: 0, file: 0, textHash: 0, effect: 0, updatedAt: 0,
} satisfies Record<DocumentField, 0>) as DocumentField[];
const EVIDENCE_FIELDS = Object.keys({
  source: 0, quote: 0, start: 0, end: 0, rule: 0, kind: 0, scope: 0, effectiveFrom: 0, curated: 0, author: 0, at: 0, reason: 0, toRef: 0, toHow: 0, fromRef: 0, fromHow: 0,
} satisfies Record<EvidenceField, 0>) as EvidenceField[];

/** Not null, false, empty or an effect summary with nothing in it. */
function isSet(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v).some(isSet);
  return true;
}

export interface ContractTarget {
  /** A store with nothing in it. */
  fresh(): Promise<Store>;
}

function chainBatch(n: number, prefix = 'C'): GraphBatch {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}@2000-01-${String((i % 28) + 1).padStart(2, '0')}`);
  // each newer document replaces the one before it
  return batch({ docs: ids.map((id) => doc(id)), evidence: ids.slice(1).map((id, i) => ev(id, 'SUPERSEDES', ids[i])) });
}

export function storeContract(name: string, target: ContractTarget | null): void {
  describe.skipIf(!target)(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await target!.fresh();
    });

    it('starts empty', async () => {
      const stats = await store.stats();
      expect(stats.documents).toBe(0);
      expect(await store.getDocuments(['nothing'])).toEqual([null]);
      expect((await store.findDocuments({}, 10, null)).totalCount).toBe(0);
    });

    it('stores documents, stubs and evidence, and reads them back both ways', async () => {
      await store.applyBatch(sample());
      const [kl96, nq45] = await store.getDocuments([KL96, NQ45]);
      expect(kl96).toMatchObject({ id: KL96, symbol: '96-KL/TW', issuedOn: '2024-09-30', stub: false, issuer: 'Bộ Chính trị' });
      expect(nq45).toMatchObject({ id: NQ45, stub: true });
      const [out] = await store.evidenceOf([KL96], 'OUT');
      expect(out.map((r) => [r.type, r.to, r.quote])).toEqual([['IMPLEMENTS', NQ45, 'về tiếp tục thực hiện Nghị quyết số 45-NQ/TW']]);
      const [incoming] = await store.evidenceOf([NQ45], 'IN');
      expect(incoming.map((r) => r.from).sort()).toEqual([KL96, STOP].sort());
      const [onlyImpl] = await store.evidenceOf([NQ45], 'IN', ['IMPLEMENTS']);
      expect(onlyImpl.map((r) => r.from)).toEqual([KL96]);
      expect(await store.texts([KL96, NQ45])).toEqual(['KẾT LUẬN CỦA BỘ CHÍNH TRỊ về tiếp tục thực hiện Nghị quyết số 45-NQ/TW', null]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: 6, stubs: 3, relations: 4, evidence: 4 });
      expect(stats.byRelation).toContainEqual({ key: 'SUPERSEDES', count: 2 });
    });

    it('reads evidence with the documents it names in one call, the same as separate reads', async () => {
      await store.applyBatch(sample());
      for (const [ids, direction, types] of [
        [[NQ45, KL96], 'IN', undefined],
        [[STOP, 'nothing', KL96], 'OUT', undefined],
        [[STOP], 'OUT', ['SUPERSEDES']],
      ] as const) {
        const both = await store.evidenceWithDocuments(ids, direction, types);
        expect(both.rows).toEqual(await store.evidenceOf(ids, direction, types));
        const named = [...new Set([...ids, ...both.rows.flat().flatMap((r) => [r.from, r.to, r.source])])].sort();
        const expected = (await store.getDocuments(named)).filter((d) => d !== null);
        expect(both.documents.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      }
      expect(await store.evidenceWithDocuments([], 'OUT')).toEqual({ rows: [], documents: [] });
      // a document with no relations still comes back, for the request that asked for it
      const lone = await store.evidenceWithDocuments([KL312], 'OUT');
      expect(lone.rows).toEqual([[]]);
      expect(lone.documents.map((d) => d.id)).toEqual([KL312]);
    });

    it('reads a page with its items\' evidence in one call, the same as separate reads', async () => {
      await store.applyBatch(sample());
      await store.applyBatch(chainBatch(7));
      // a removed relation (no rows, no relationship) and an added one (asserted by no document)
      const at = '2026-11-22T10:00:00.000Z';
      const b = emptyBatch();
      b.curations = [
        { id: 'c1', action: 'REMOVE', from: STOP, to: NQ45, type: 'CITES', reason: 'not a citation', author: 'lan', at },
        { id: 'c2', action: 'ADD', from: KL96, to: NEW08, type: 'CITES', reason: 'missed by the loader', author: 'lan', at },
      ];
      b.evidence = [{ ...ev(KL96, 'CITES', NEW08), key: curatedEvidenceKey('c2'), source: CURATION_SOURCE, curated: true, author: 'lan', at, reason: 'missed', rule: 'curated', toHow: 'curated', fromHow: 'curated' }];
      await store.applyBatch(b);
      // a relation that a third document asserts
      await store.applyBatch(batch({ docs: [doc(KL312, { type: 'Kết luận' })], evidence: [ev(NEW08, 'SUPERSEDES', OLD08, { source: KL312, start: 40 })] }));
      const byId = (a: DocumentNode, b: DocumentNode) => (a.id < b.id ? -1 : 1);
      const everything = await store.findDocuments({}, 100, null);
      const queries: Parameters<Store['findDocuments']>[0][] = [{}, { includeStubs: false }, { text: 'Hải Phòng' }, { symbolKey: '08-NQ/TU' }, { status: statusPredicate(IN_EFFECT_VALUES, '2025-06-01') }];
      let withRows = 0;
      for (const query of queries) {
        for (const [first, after] of [[3, null], [100, null], [0, null], [4, everything.items[2].cursor]] as const) {
          for (const [direction, types] of [['OUT', undefined], ['IN', undefined], ['OUT', ['CITES', 'IMPLEMENTS']]] as const) {
            for (const count of [true, false]) {
              const asked = { direction, types };
              const found = await store.findDocumentsWithEvidence(query, first, query.text ? null : after, asked, { count });
              const page = await store.findDocuments(query, first, query.text ? null : after, { count });
              expect(found.page, JSON.stringify({ query, first, direction, count })).toEqual(page);
              const ids = page.items.map((i) => i.id);
              const separate = await store.evidenceWithDocuments(ids, direction, types);
              expect(found.evidence.rows).toEqual(separate.rows);
              expect([...found.evidence.documents].sort(byId)).toEqual(separate.documents.sort(byId));
              withRows += found.evidence.rows.flat().length;
            }
          }
        }
      }
      expect(withRows).toBeGreaterThan(0);
      // the curated relation is read, the removed one is not
      const kl96 = await store.findDocumentsWithEvidence({ symbolKey: '96-KL/TW' }, 5, null, { direction: 'OUT' });
      expect(kl96.evidence.rows[0].map((r) => [r.type, r.to, r.curated])).toContainEqual(['CITES', NEW08, true]);
      expect(kl96.evidence.documents.map((d) => d.id)).toContain(NEW08);
      const stop = await store.findDocumentsWithEvidence({ text: 'Hải Phòng' }, 5, null, { direction: 'OUT' });
      expect(stop.evidence.rows.flat().some((r) => r.from === STOP && r.to === NQ45 && r.type === 'CITES')).toBe(false);
      // the counts are of what is read: the removed relation and its rows left out, the added one in
      const rows = (await store.evidenceOf(everything.items.map((i) => i.id), 'OUT')).flat();
      const relations = new Map<string, string>(rows.map((r) => [relationKey(r.from, r.type, r.to), r.type]));
      const byRelation = new Map<string, number>();
      for (const type of relations.values()) byRelation.set(type, (byRelation.get(type) ?? 0) + 1);
      const stats = await store.stats();
      expect(stats).toMatchObject({ evidence: rows.length, relations: relations.size });
      expect(new Map(stats.byRelation.map((r) => [r.key, r.count]))).toEqual(byRelation);
      expect(relations.has(relationKey(KL96, 'CITES', NEW08))).toBe(true);
    });

    it('returns each page item and chain step with its document', async () => {
      await store.applyBatch(chainBatch(5));
      for (const count of [true, false]) {
        const page = await store.findDocuments({}, 3, null, { count });
        expect(page.items.map((i) => i.document)).toEqual(await store.getDocuments(page.items.map((i) => i.id)));
      }
      const [steps] = await store.chains(['C000@2000-01-01'], 'IN', 3);
      expect(steps.map((s) => s.document)).toEqual(await store.getDocuments(steps.map((s) => s.id)));
    });

    it('keeps two documents that share a symbol apart', async () => {
      await store.applyBatch(sample());
      const [same] = await store.documentsBySymbol(['08-NQ/TU']);
      expect(same.map((d) => d.id)).toEqual([OLD08, NEW08]);
      const page = await store.findDocuments({ symbolKey: '08-NQ/TU' }, 10, null);
      expect(page.totalCount).toBe(2);
      const cands = await store.candidates(['08-NQ/TU']);
      expect(cands.map((c) => [c.id, c.issuedOn])).toEqual([
        [OLD08, '2013-05-16'],
        [NEW08, '2022-12-06'],
      ]);
    });

    it('reads the candidates a locality needs: its own, those of no locality, the undated, and a sample of the rest', async () => {
      const places = ['An Giang', 'Bắc Ninh', 'Cà Mau', 'Đà Nẵng', 'Hà Nội'];
      const docs = places.map((locality, i) => doc(`24/QĐ-UBND@202${i}-01-05`, { locality }));
      const undated = doc('24/QĐ-UBND', { issuedOn: null, locality: 'Huế' });
      const stubs = [stub('24/QĐ-UBND@2019-03-01'), stub('24/QĐ-UBND@2018-03-01', { locality: 'Cà Mau' })];
      // stubs exist through references to them
      await store.applyBatch(batch({ docs: [...docs, undated], stubs, evidence: stubs.map((s, i) => ev(docs[0].id, 'CITES', s.id, { start: i * 20 })) }));
      const all = (await store.candidates(['24/QD-UBND'])).map((c) => c.id).sort();
      expect(all).toHaveLength(8);
      const scoped = (await store.candidates([{ key: '24/QD-UBND', localities: ['Cà Mau'] }])).map((c) => c.id);
      // never less than what a Cà Mau reference can use
      expect(scoped).toEqual(expect.arrayContaining(['24/QĐ-UBND@2022-01-05', '24/QĐ-UBND@2018-03-01', '24/QĐ-UBND@2019-03-01', '24/QĐ-UBND']));
      // and enough of the others to tell one dated candidate from several
      expect(scoped.filter((id) => docs.some((d) => d.id === id) && id !== '24/QĐ-UBND@2022-01-05').length).toBeGreaterThanOrEqual(3);
      expect(new Set(scoped).size).toBe(scoped.length);
      expect(scoped.every((id) => all.includes(id))).toBe(true);
    });

    it('leaves out undated references written before a date when asked', async () => {
      const ref = (issuedOn: string) => JSON.stringify({ ref: { symbol: '57-NQ/TW', date: null }, citing: { issuedOn } });
      const early = doc('10/VP-VX@2020-01-01');
      const late = doc('11/VP-VX@2025-11-11');
      await store.applyBatch(
        batch({
          docs: [early, late],
          stubs: [stub('57-NQ/TW', { issuedOn: null })],
          evidence: [ev(early.id, 'CITES', '57-NQ/TW', { toRef: ref('2020-01-01'), toHow: 'no-candidate' }), ev(late.id, 'CITES', '57-NQ/TW', { toRef: ref('2025-11-11'), toHow: 'no-candidate' })],
        }),
      );
      expect((await store.undatedEvidence(['57-NQ/TW'])).map((r) => r.source)).toEqual([early.id, late.id]);
      expect((await store.undatedEvidence(['57-NQ/TW'], new Map([['57-NQ/TW', '2024-12-22']]))).map((r) => r.source)).toEqual([late.id]);
      // a date for another key does not filter this one
      expect((await store.undatedEvidence(['57-NQ/TW'], new Map([['58-NQ/TW', '2024-12-22']]))).map((r) => r.source)).toEqual([early.id, late.id]);
    });

    it('keeps a reference as written exactly as it was given', async () => {
      const written = [
        JSON.stringify({ ref: { symbol: '57-NQ/TW', date: null, issuer: 'Bộ Chính trị' }, citing: { issuedOn: '2020-01-01', locality: 'Hải Phòng' } }),
        JSON.stringify({ ref: { symbol: '57-NQ/TW', date: null } }),
        JSON.stringify({ ref: { symbol: '57-NQ/TW', title: 'a,"citing":b' }, citing: { issuedOn: '2020-01-02', note: ',"citing":' } }),
      ];
      const docs = written.map((_, i) => doc(`${10 + i}/VP-VX@2020-01-0${i + 1}`));
      await store.applyBatch(
        batch({ docs, stubs: [stub('57-NQ/TW', { issuedOn: null })], evidence: docs.map((d, i) => ev(d.id, 'CITES', '57-NQ/TW', { toRef: written[i], toHow: 'no-candidate' })) }),
      );
      expect((await store.undatedEvidence(['57-NQ/TW'])).map((r) => r.toRef)).toEqual(written);
      expect((await store.evidenceOf(docs.map((d) => d.id), 'OUT')).map(([r]) => r.toRef)).toEqual(written);
    });

    it('pages in a stable order with cursors', async () => {
      await store.applyBatch(chainBatch(7));
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.findDocuments({}, 3, after);
        expect(page.totalCount).toBe(7);
        seen.push(...page.items.map((i) => i.id));
        if (!page.hasNextPage) break;
        after = page.items.at(-1)!.cursor;
      }
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(7);
    });

    it('applies the same batch twice to the same graph', async () => {
      await store.applyBatch(sample());
      const once = comparable(await store.dump());
      await store.applyBatch(sample());
      expect(comparable(await store.dump())).toEqual(once);
    });

    it('replaces what a re-loaded document asserted and drops stubs nothing names', async () => {
      await store.applyBatch(sample());
      const reloaded = batch({ docs: [doc(KL96, { type: 'Kết luận', issuer: 'Bộ Chính trị' })], stubs: [stub('30-NQ/TW@2022-11-23')], evidence: [ev(KL96, 'CITES', '30-NQ/TW@2022-11-23')] });
      await store.applyBatch(reloaded);
      const [out] = await store.evidenceOf([KL96], 'OUT');
      expect(out.map((r) => r.to)).toEqual(['30-NQ/TW@2022-11-23']);
      // 45-NQ/TW is still cited by the 2026 conclusion, so it stays
      expect((await store.getDocuments([NQ45]))[0]).not.toBeNull();
      // other documents' assertions are untouched
      const [stop] = await store.evidenceOf([STOP], 'OUT');
      expect(stop).toHaveLength(3);
      const onlyCited = batch({ docs: [doc(STOP, { symbol: null, issuedOn: null, issuedNotBefore: '2026-02-11' })], evidence: [] });
      await store.applyBatch(onlyCited);
      expect((await store.getDocuments([KL312, OLD08]))).toEqual([null, null]);
    });

    it('replaces what a re-loaded document asserted between two others, and nothing else', async () => {
      const other = doc('9-KL/TU@2026-03-01', { type: 'Kết luận' });
      await store.applyBatch(batch({ docs: [doc(NEW08), doc(OLD08)], evidence: [ev(NEW08, 'CITES', OLD08, { start: 1 })] }));
      const asserts = batch({
        docs: [doc(KL312, { type: 'Kết luận' }), other],
        evidence: [ev(NEW08, 'SUPERSEDES', OLD08, { source: KL312, start: 40 }), ev(KL312, 'CITES', NEW08, { start: 2 }), ev(NEW08, 'AMENDS', OLD08, { source: other.id, start: 7 })],
      });
      await store.applyBatch(asserts);
      const rows = async () => (await store.evidenceOf([NEW08, KL312], 'OUT')).flat().map((r) => `${r.source}: ${r.from} ${r.type} ${r.to}`).sort();
      expect(await rows()).toEqual([`${other.id}: ${NEW08} AMENDS ${OLD08}`, `${KL312}: ${KL312} CITES ${NEW08}`, `${KL312}: ${NEW08} SUPERSEDES ${OLD08}`, `${NEW08}: ${NEW08} CITES ${OLD08}`].sort());
      expect((await store.getDocuments([OLD08]))[0]?.effect.endKind).toBe('SUPERSEDED');
      await store.applyBatch(batch({ docs: [doc(KL312, { type: 'Kết luận' })], evidence: [] }));
      expect(await rows()).toEqual([`${other.id}: ${NEW08} AMENDS ${OLD08}`, `${NEW08}: ${NEW08} CITES ${OLD08}`].sort());
      // the status it decided goes with it
      expect((await store.getDocuments([OLD08]))[0]?.effect.endKind).toBeNull();
    });

    it('turns a stub into a full document that keeps every edge', async () => {
      await store.applyBatch(sample());
      await store.applyBatch(batch({ docs: [doc(NQ45, { type: 'Nghị quyết', issuer: 'Bộ Chính trị', title: 'về xây dựng và phát triển thành phố Hải Phòng' })] }));
      const [nq45] = await store.getDocuments([NQ45]);
      expect(nq45).toMatchObject({ stub: false, issuer: 'Bộ Chính trị' });
      const [incoming] = await store.evidenceOf([NQ45], 'IN');
      expect(incoming).toHaveLength(2);
    });

    it('moves what a file asserted when the file now holds another document', async () => {
      const first = doc('1-KH/TU@2025-01-01', { file: 'plan.txt' });
      await store.applyBatch(batch({ docs: [first], stubs: [stub(NQ45)], evidence: [ev(first.id, 'IMPLEMENTS', NQ45)] }));
      const second = doc('2-KH/TU@2025-02-01', { file: 'plan.txt' });
      await store.applyBatch(batch({ docs: [second], stubs: [stub(NQ45)], evidence: [ev(second.id, 'IMPLEMENTS', NQ45)] }));
      const [incoming] = await store.evidenceOf([NQ45], 'IN');
      expect(incoming.map((r) => r.from)).toEqual([second.id]);
      expect((await store.getDocuments([first.id]))[0]).toBeNull();
      expect((await store.fileHashes(['plan.txt'])).get('plan.txt')?.id).toBe(second.id);
    });

    it('computes effect summaries that filter by status on a date', async () => {
      await store.applyBatch(sample());
      const [old08, kl312, new08] = await store.getDocuments([OLD08, KL312, NEW08]);
      expect(statusOn(old08!.effect, '2020-01-01')).toBe('IN_EFFECT');
      expect(statusOn(old08!.effect, '2026-11-22')).toBe('SUPERSEDED');
      expect(statusOn(kl312!.effect, '2025-06-01')).toBe('IN_EFFECT');
      expect(statusOn(kl312!.effect, '2026-11-01')).toBe('SUPERSEDED');
      expect(old08!.effect.endPresumed).toBe(true);
      expect(statusOn(new08!.effect, '2026-11-22')).toBe('IN_EFFECT');
      const superseded = await store.findDocuments({ status: statusPredicate(['SUPERSEDED'], '2026-11-01') }, 10, null);
      expect(superseded.items.map((i) => i.id).sort()).toEqual([OLD08, KL312].sort());
      const inEffect2025 = await store.findDocuments({ status: statusPredicate(IN_EFFECT_VALUES, '2025-06-01') }, 50, null);
      expect(inEffect2025.items.map((i) => i.id)).toContain(KL312);
      expect(inEffect2025.items.map((i) => i.id)).not.toContain(STOP); // not issued before 2026-02-11
      const notYet = await store.findDocuments({ status: statusPredicate(['NOT_YET_ISSUED'], '2025-06-01') }, 50, null);
      expect(notYet.items.map((i) => i.id)).toEqual([STOP]);
    });

    it('combines the status filter with text, stubs and type as each filter alone would', async () => {
      await store.applyBatch(sample());
      const status = statusPredicate(IN_EFFECT_VALUES, '2025-06-01');
      const ids = async (q: Parameters<Store['findDocuments']>[0]) => (await store.findDocuments(q, 100, null)).items.map((i) => i.id);
      const inEffect = new Set(await ids({ status }));
      for (const q of [{ text: 'nghi quyet' }, { includeStubs: false }, { type: 'Nghị quyết' }]) {
        const alone = await ids(q);
        expect(alone.length, JSON.stringify(q)).toBeGreaterThan(0);
        expect(await ids({ ...q, status }), JSON.stringify(q)).toEqual(alone.filter((id) => inEffect.has(id)));
      }
    });

    it('counts each status on a date, and each type, as the documents it lists, ambiguous placeholders never', async () => {
      for (const b of [sample(), ...everyFieldBatches()]) await store.applyBatch(b);
      await store.applyBatch(
        batch({
          docs: [doc('12-KH/TU@2025-01-10', { type: 'Kế hoạch', effectiveFrom: '2025-03-01', expiresOn: '2025-12-31' }), doc('ban-bi-thu@2024-01-01', { type: null })],
          stubs: [stub('07-CT/TU', { type: null, issuedOn: null })],
          evidence: [ev('ban-bi-thu@2024-01-01', 'CITES', '07-CT/TU')],
        }),
      );
      const listed = await store.findDocuments({}, 100, null);
      const all = listed.items.map((i) => i.document);
      expect(all.some((d) => d.stub)).toBe(true);
      expect(listed.totalCount).toBe(all.length);
      // stats counts the same documents: ambiguous placeholders never, untyped ones as unknown
      const byType = new Map<string, number>();
      for (const d of all) byType.set(d.type ?? 'unknown', (byType.get(d.type ?? 'unknown') ?? 0) + 1);
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: all.length, stubs: all.filter((d) => d.stub).length });
      expect(new Map(stats.byType.map((t) => [t.key, t.count]))).toEqual(byType);
      expect(byType.get('unknown')).toBe(2);
      const sets = [...EFFECT_STATUSES.map((v) => [v]), IN_EFFECT_VALUES, ['NOT_YET_ISSUED', 'SUPERSEDED'] as const, ['PARTLY_SUPERSEDED', 'SUPERSEDED', 'EXPIRED'] as const];
      let nonEmpty = 0;
      for (const date of ['2013-05-16', '2020-03-01', '2024-06-01', '2025-02-01', '2025-06-01', '2026-01-01', '2026-11-22']) {
        for (const values of sets) {
          const status = statusPredicate(values, date);
          const expected = all.filter((d) => values.includes(statusOn(d.effect, date))).map((d) => d.id);
          // alone (the Neo4j store counts from its indexes), and with stubs left out (it reads the matches)
          const page = await store.findDocuments({ status }, 100, null);
          expect(page.items.map((i) => i.id), `${values} on ${date}`).toEqual(expected);
          expect(page.totalCount, `${values} on ${date}`).toBe(expected.length);
          const loaded = await store.findDocuments({ status, includeStubs: false }, 100, null);
          expect(loaded.totalCount).toBe(all.filter((d) => !d.stub && expected.includes(d.id)).length);
          if (expected.length) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThan(30);
    });

    it('tells a partial ending, an amendment and an expiry apart', async () => {
      const target = doc('80/2021/TT-BTC@2021-09-29', { type: 'Thông tư' });
      const partial = doc('10/2024/TT-BTC@2024-03-01', { type: 'Thông tư' });
      const amender = doc('20/2024/TT-BTC@2024-05-01', { type: 'Thông tư' });
      const plan = doc('12-KH/TU@2025-01-10', { type: 'Kế hoạch', expiresOn: '2025-12-31' });
      await store.applyBatch(
        batch({
          docs: [target, partial, amender, plan],
          evidence: [ev(partial.id, 'SUPERSEDES', target.id, { scope: 'Điều 5', kind: 'bãi bỏ' }), ev(amender.id, 'AMENDS', target.id)],
        }),
      );
      const [t, p] = await store.getDocuments([target.id, plan.id]);
      expect(statusOn(t!.effect, '2024-01-01')).toBe('IN_EFFECT');
      expect(statusOn(t!.effect, '2024-06-01')).toBe('PARTLY_SUPERSEDED');
      expect(statusOn(p!.effect, '2025-12-31')).toBe('IN_EFFECT');
      expect(statusOn(p!.effect, '2026-01-01')).toBe('EXPIRED');
      const partly = await store.findDocuments({ status: statusPredicate(['PARTLY_SUPERSEDED'], '2024-06-01') }, 10, null);
      expect(partly.items.map((i) => i.id)).toEqual([target.id]);
      const expired = await store.findDocuments({ status: statusPredicate(['EXPIRED'], '2026-01-01') }, 10, null);
      expect(expired.items.map((i) => i.id)).toEqual([plan.id]);
    });

    it('walks supersession chains both ways, caps depth and survives cycles', async () => {
      await store.applyBatch(chainBatch(51));
      const [newer] = await store.chains(['C000@2000-01-01'], 'IN', 25);
      expect(newer).toHaveLength(25);
      expect(newer.map((s) => s.depth)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(newer[0]).toMatchObject({ id: 'C001@2000-01-02', parent: 'C000@2000-01-01', truncated: false });
      expect(newer[24].truncated).toBe(true);
      expect(newer[0].via.map((r) => [r.from, r.type, r.to])).toEqual([['C001@2000-01-02', 'SUPERSEDES', 'C000@2000-01-01']]);
      const [all] = await store.chains(['C000@2000-01-01'], 'IN', 100);
      expect(all).toHaveLength(50);
      expect(all.every((s) => !s.truncated)).toBe(true);
      const [older] = await store.chains(['C050@2000-01-23'], 'OUT', 3);
      expect(older.map((s) => s.id)).toEqual(['C049@2000-01-22', 'C048@2000-01-21', 'C047@2000-01-20']);

      await store.applyBatch(batch({ docs: [doc('A@2001-01-01'), doc('B@2001-01-02')], evidence: [ev('A@2001-01-01', 'SUPERSEDES', 'B@2001-01-02'), ev('B@2001-01-02', 'SUPERSEDES', 'A@2001-01-01')] }));
      const [cycle] = await store.chains(['A@2001-01-01'], 'IN', 25);
      expect(cycle.map((s) => s.id)).toEqual(['B@2001-01-02']);
      expect(cycle[0].truncated).toBe(false);
    });

    it('finds a path between documents over any relation', async () => {
      await store.applyBatch(sample());
      const hops = await store.path(KL96, KL312, 6);
      expect(hops).not.toBeNull();
      expect(hops!.length).toBe(3); // 96 → 45 ← STOP → 312
      expect(await store.path(KL96, NEW08, 6)).toBeNull();
      expect(await store.path(KL96, KL312, 2)).toBeNull();
    });

    it('searches without diacritics or case', async () => {
      await store.applyBatch(sample());
      for (const q of ['nghi quyet 45', 'NQ 45', 'Nghị quyết số 45-NQ/TW']) {
        const page = await store.findDocuments({ text: q }, 10, null);
        expect(page.items.map((i) => i.id), q).toContain(NQ45);
        expect(page.items[0].id, q).toBe(NQ45);
      }
      const stopped = await store.findDocuments({ text: 'dung thuc hien' }, 10, null);
      expect(stopped.items.map((i) => i.id)).toEqual([STOP]);
      const none = await store.findDocuments({ text: "') RETURN 1 //" }, 10, null);
      expect(none.totalCount).toBe(0);
    });

    it('filters by type, issuer, dates and stubs', async () => {
      await store.applyBatch(sample());
      const kl = await store.findDocuments({ type: 'ket luan' }, 10, null);
      expect(kl.items.map((i) => i.id).sort()).toEqual([KL312, KL96, STOP].sort());
      const byIssuer = await store.findDocuments({ issuer: 'bo chinh tri' }, 10, null);
      expect(byIssuer.items.map((i) => i.id)).toEqual([KL96]);
      const dated = await store.findDocuments({ issuedFrom: '2020-01-01', issuedTo: '2024-12-31' }, 10, null);
      expect(dated.items.map((i) => i.id).sort()).toEqual([KL312, KL96, NEW08].sort());
      const loaded = await store.findDocuments({ includeStubs: false }, 10, null);
      expect(loaded.totalCount).toBe(3);
    });

    it('keeps curations across re-loads: a removed relation stays removed, an added one stays', async () => {
      await store.applyBatch(sample());
      const at = '2026-11-22T10:00:00.000Z';
      const removal: Curation = { id: 'c1', action: 'REMOVE', from: STOP, to: NQ45, type: 'CITES', reason: 'not a citation', author: 'lan', at };
      const addition: Curation = { id: 'c2', action: 'ADD', from: KL96, to: NEW08, type: 'CITES', reason: 'missed by the loader', author: 'lan', at };
      const b = emptyBatch();
      b.curations = [removal, addition];
      b.evidence = [{ ...ev(KL96, 'CITES', NEW08), key: curatedEvidenceKey('c2'), source: CURATION_SOURCE, curated: true, author: 'lan', at, reason: addition.reason, rule: 'curated', toHow: 'curated', fromHow: 'curated' }];
      await store.applyBatch(b);
      const check = async () => {
        const [stopOut] = await store.evidenceOf([STOP], 'OUT');
        expect(stopOut.map((r) => r.to)).not.toContain(NQ45);
        const [kl96Out] = await store.evidenceOf([KL96], 'OUT', ['CITES']);
        expect(kl96Out.map((r) => [r.to, r.curated, r.author])).toEqual([[NEW08, true, 'lan']]);
      };
      await check();
      await store.applyBatch(sample());
      await check();
      expect((await store.curations()).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
      const undo = emptyBatch();
      undo.curations = [{ ...removal, id: 'c3', action: 'ADD', at: '2026-11-22T11:00:00.000Z' }];
      await store.applyBatch(undo);
      const [stopOut] = await store.evidenceOf([STOP], 'OUT');
      expect(stopOut.map((r) => r.to)).toContain(NQ45);
    });

    it('re-points stored undated references when candidates arrive', async () => {
      const ref = JSON.stringify({ ref: { symbol: '57-NQ/TW', date: null }, citing: { issuedOn: '2025-11-11' } });
      const letter = doc('11494/VP-VX@2025-11-11');
      await store.applyBatch(batch({ docs: [letter], stubs: [stub('57-NQ/TW', { issuedOn: null })], evidence: [ev(letter.id, 'CITES', '57-NQ/TW', { toRef: ref, toHow: 'no-candidate' })] }));
      const undated = await store.undatedEvidence(['57-NQ/TW']);
      expect(undated.map((r) => r.to)).toEqual(['57-NQ/TW']);
      const b = batch({ stubs: [stub('57-NQ/TW@2024-12-22')] });
      b.repoint = [{ key: undated[0].key, to: '57-NQ/TW@2024-12-22', toHow: 'only-candidate' }];
      await store.applyBatch(b);
      const [incoming] = await store.evidenceOf(['57-NQ/TW@2024-12-22'], 'IN');
      expect(incoming.map((r) => [r.from, r.toHow])).toEqual([[letter.id, 'only-candidate']]);
      expect((await store.getDocuments(['57-NQ/TW']))[0]).toBeNull();
    });

    it('refuses an invalid batch whole and keeps the graph as it was', async () => {
      await store.applyBatch(sample());
      const before = comparable(await store.dump());
      const bad = sample();
      bad.evidence.push({ ...bad.evidence[0] }); // repeated key
      await expect(store.applyBatch(bad)).rejects.toThrow(/repeated/);
      expect(comparable(await store.dump())).toEqual(before);
    });

    it('lists changes since an instant', async () => {
      await store.applyBatch(sample());
      const mark = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await store.applyBatch(batch({ docs: [doc('99-KL/TW@2025-01-01')], stubs: [stub(NQ45)], evidence: [ev('99-KL/TW@2025-01-01', 'SUPERSEDES', KL96)] }));
      const changed = await store.findDocuments({ changedSince: mark }, 50, null);
      expect(changed.items.map((i) => i.id).sort()).toEqual(['99-KL/TW@2025-01-01', KL96].sort());
    });

    it('streams every document and every evidence row in pages, in the order dump() gives', async () => {
      await store.applyBatch(sample());
      await store.applyBatch(chainBatch(7));
      const removal: Curation = { id: 'cur-stream', action: 'REMOVE', from: KL96, to: NQ45, type: 'IMPLEMENTS', reason: 'test', author: 'lan', at: '2026-01-01T00:00:00.000Z' };
      await store.applyBatch({ ...emptyBatch(), curations: [removal] });
      const all = await store.dump();
      const pages: number[] = [];
      const docs = [];
      for await (const page of store.streamDocuments(3)) {
        pages.push(page.length);
        docs.push(...page);
      }
      expect(docs).toEqual(all.documents);
      expect(pages.every((n) => n >= 1 && n <= 3)).toBe(true);
      expect(pages.length).toBeGreaterThan(3);
      const rows = [];
      for await (const page of store.streamEvidence(2)) rows.push(...page);
      // suppressed rows are there too: the stream is the whole graph, as dump() is
      expect(rows).toEqual(all.evidence);
      expect(rows.some((r) => r.from === KL96 && r.type === 'IMPLEMENTS')).toBe(true);
    });

    it('returns every field a read was asked for (ReadFields), the same as a whole read', async () => {
      for (const b of everyFieldBatches()) await store.applyBatch(b);
      const ids = [FULL, LATER, NEWER, UNDATED, AMBIGUOUS];
      const whole = new Map((await store.getDocuments(ids)).map((d) => [d!.id, d!]));
      const wholeRows = new Map((await store.evidenceWithDocuments(ids, 'OUT')).rows.flat().map((r) => [r.key, r]));
      // the fixture sets every field somewhere, so a dropped field cannot pass as an empty one
      for (const f of DOCUMENT_FIELDS) expect([...whole.values()].some((d) => isSet(d[f])), f).toBe(true);
      for (const f of EVIDENCE_FIELDS) expect([...wholeRows.values()].some((r) => isSet(r[f])), f).toBe(true);
      const sameDocument = (d: DocumentNode | null, fields: ReadFields, where: string) => {
        expect(d, where).not.toBeNull();
        for (const f of ['id', ...fields.document] as const) expect(d![f], `${where}: ${d!.id}.${f}`).toEqual(whole.get(d!.id)![f]);
      };
      const sameRow = (r: EvidenceRow, fields: ReadFields, where: string) => {
        for (const f of [...EVIDENCE_KEYS, ...(fields.evidence ?? [])]) expect(r[f], `${where}: ${r.key}.${f}`).toEqual(wholeRows.get(r.key)![f]);
      };
      // one field of each kind at a time, then all of them
      const asks: ReadFields[] = [
        ...DOCUMENT_FIELDS.map((f, i) => ({ document: [f], evidence: EVIDENCE_FIELDS[i] ? [EVIDENCE_FIELDS[i]] : [] })),
        { document: DOCUMENT_FIELDS, evidence: EVIDENCE_FIELDS },
      ];
      for (const fields of asks) {
        for (const d of await store.getDocuments(ids, fields)) sameDocument(d, fields, 'getDocuments');
        for (const i of (await store.findDocuments({}, 10, null, { fields })).items) sameDocument(i.document, fields, 'findDocuments');
        for (const direction of ['OUT', 'IN'] as const) {
          const page = await store.findDocumentsWithEvidence({}, 10, null, { direction }, { fields });
          const ids = page.page.items.map((i) => i.id);
          expect(page.evidence.rows.map((l) => l.map((r) => r.key))).toEqual((await store.evidenceOf(ids, direction)).map((l) => l.map((r) => r.key)));
          for (const i of page.page.items) sameDocument(i.document, fields, 'findDocumentsWithEvidence');
          for (const r of page.evidence.rows.flat()) sameRow(r, fields, `findDocumentsWithEvidence ${direction}`);
          for (const d of page.evidence.documents) sameDocument(d, fields, `findDocumentsWithEvidence ${direction}`);
        }
        for (const d of (await store.documentsBySymbol(['12-NQ/TW'], fields)).flat()) sameDocument(d, fields, 'documentsBySymbol');
        for (const direction of ['OUT', 'IN'] as const) {
          const found = await store.evidenceWithDocuments(ids, direction, undefined, fields);
          expect(found.rows.map((l) => l.map((r) => r.key))).toEqual((await store.evidenceOf(ids, direction)).map((l) => l.map((r) => r.key)));
          for (const r of found.rows.flat()) sameRow(r, fields, `evidenceWithDocuments ${direction}`);
          for (const d of found.documents) sameDocument(d, fields, `evidenceWithDocuments ${direction}`);
          const chains = await store.chainsWithDocuments(ids, direction, 5, fields);
          chains.documents.forEach((d) => sameDocument(d, fields, 'chainsWithDocuments'));
          const wholeChains = await store.chains(ids, direction, 5);
          expect(chains.steps.map((l) => l.map(({ document: _d, via: _v, ...s }) => s))).toEqual(wholeChains.map((l) => l.map(({ document: _d, via: _v, ...s }) => s)));
          for (const [k, step] of chains.steps.flat().entries()) {
            sameDocument(step.document, fields, 'chains');
            expect(step.via.map((r) => r.key)).toEqual(wholeChains.flat()[k].via.map((r) => r.key));
            for (const r of step.via) sameRow(r, fields, 'chains');
          }
        }
      }
      // a chain of documents alone: the steps are the same, whatever the store does with `via`
      const [plain] = await store.chains([FULL], 'IN', 5, { document: ['symbol'], evidence: null });
      const [full] = await store.chains([FULL], 'IN', 5);
      expect(plain.map((s) => [s.id, s.depth, s.parent, s.truncated, s.document.symbol])).toEqual(full.map((s) => [s.id, s.depth, s.parent, s.truncated, s.document.symbol]));
      expect(full.length).toBeGreaterThan(0);
      // and whole reads stay whole
      expect(await store.chainsWithDocuments([FULL, 'nothing'], 'IN', 5)).toEqual({ steps: await store.chains([FULL, 'nothing'], 'IN', 5), documents: await store.getDocuments([FULL, 'nothing']) });
    });

    it('streams nothing from an empty store', async () => {
      for await (const page of store.streamDocuments(10)) expect(page).toEqual([]);
      for await (const page of store.streamEvidence(10)) expect(page).toEqual([]);
      const seen = [];
      for await (const page of store.streamDocuments(10)) seen.push(page);
      expect(seen).toEqual([]);
    });
  });
}
