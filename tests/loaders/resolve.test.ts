// Stage 5: references → documents. Dated: exactly that document. Undated: the only candidate, or the
// one context picks (term, issuer and locality, year, subject), else an explicit ambiguous reference.
import { describe, expect, it } from 'vitest';
import { candidatesOf, citingContextOf, indexCandidates, lookupKey, mergeCandidates, resolveExtractions, resolveFiled, resolveTarget, shortFormMatches } from '../../graph-loaders/resolve.js';
import type { Candidate } from '../../graph-loaders/resolve-types.js';
import { extractText } from '../../graph-loaders/extract.js';
import { sample, sampleFiles } from './corpus.js';

const NQ18_2017: Candidate = { id: '18-NQ/TW@2017-10-25', symbol: '18-NQ/TW', issuedOn: '2017-10-25', term: 'XII', title: 'Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị' };
const NQ18_2022: Candidate = { id: '18-NQ/TW@2022-06-16', symbol: '18-NQ/TW', issuedOn: '2022-06-16', title: 'Tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất' };

describe('resolveTarget', () => {
  it('a dated reference links to exactly that document', () => {
    expect(resolveTarget({ symbol: '08-NQ/TU', date: '2013-05-16' }, {}, [])).toEqual({ id: '08-NQ/TU@2013-05-16', symbol: '08-NQ/TU', date: '2013-05-16', how: 'dated' });
  });

  it('an undated reference: no candidate → an undated stub; one → it', () => {
    expect(resolveTarget({ symbol: '45-NQ/TW', date: null }, {}, [])).toMatchObject({ id: '45-NQ/TW', how: 'no-candidate' });
    const one: Candidate = { id: '45-NQ/TW@2019-01-24', symbol: '45-NQ/TW', issuedOn: '2019-01-24' };
    expect(resolveTarget({ symbol: '45-NQ/TW', date: null }, {}, [one])).toMatchObject({ id: one.id, date: '2019-01-24', how: 'only-candidate' });
  });

  it('the term picks 18-NQ/TW of khóa XII against that of khóa XIII, also from the date alone', () => {
    const both = [NQ18_2017, NQ18_2022];
    expect(resolveTarget({ symbol: '18-NQ/TW', date: null, term: 'XII' }, {}, both)).toMatchObject({ id: NQ18_2017.id, how: 'context' });
    expect(resolveTarget({ symbol: '18-NQ/TW', date: null, term: 'XIII' }, {}, both)).toMatchObject({ id: NQ18_2022.id, how: 'context' });
    const noTerms = both.map((c) => ({ ...c, term: null }));
    expect(resolveTarget({ symbol: '18-NQ/TW', date: null, term: 'XII' }, {}, noTerms)).toMatchObject({ id: NQ18_2017.id, how: 'context' });
  });

  it('a text cannot name a document issued after it', () => {
    expect(resolveTarget({ symbol: '18-NQ/TW', date: null }, { issuedOn: '2020-01-01' }, [NQ18_2017, NQ18_2022])).toMatchObject({ id: NQ18_2017.id, how: 'context' });
  });

  it('the subject words pick a candidate by its title', () => {
    const r = resolveTarget({ symbol: '18-NQ/TW', date: null, subject: 'quản lý và sử dụng đất' }, {}, [NQ18_2017, NQ18_2022]);
    expect(r).toMatchObject({ id: NQ18_2022.id, how: 'context' });
  });

  it('the locality of a local committee: 08-NQ/TU of Hải Phòng is not 08-NQ/TU of Quảng Ninh', () => {
    const hp: Candidate = { id: '08-NQ/TU@2013-05-16', symbol: '08-NQ/TU', issuedOn: '2013-05-16', locality: 'Hải Phòng' };
    const qn: Candidate = { id: '08-NQ/TU@2021-10-11', symbol: '08-NQ/TU', issuedOn: '2021-10-11', locality: 'Quảng Ninh' };
    expect(resolveTarget({ symbol: '08-NQ/TU', date: null }, { locality: 'Hải Phòng' }, [hp, qn])).toMatchObject({ id: hp.id, how: 'context' });
    expect(resolveTarget({ symbol: '08-NQ/TU', date: null, issuer: 'Tỉnh ủy Quảng Ninh' }, { locality: 'Hải Phòng' }, [hp, qn])).toMatchObject({ id: qn.id });
  });

  it('when context cannot pick, an explicit ambiguous reference lists its candidates: never a silent merge', () => {
    const r = resolveTarget({ symbol: '18-NQ/TW', date: null }, {}, [NQ18_2017, NQ18_2022]);
    expect(r).toEqual({ id: '18-NQ/TW?', symbol: '18-NQ/TW', date: null, how: 'ambiguous', candidates: [NQ18_2017.id, NQ18_2022.id] });
  });

  it('a short form names a full symbol by number, type and issuer', () => {
    expect(shortFormMatches('35/?/QH', { symbol: '35/2021/QH15' })).toBe(true);
    expect(shortFormMatches('35/?/QH', { symbol: '35/2021/NĐ-CP' })).toBe(false);
    expect(shortFormMatches('57-NQ/?', { symbol: '57-NQ/TW' })).toBe(true);
    expect(shortFormMatches('57-NQ/?', { symbol: '57-KL/TW' })).toBe(false);
    const c: Candidate = { id: '35/2021/QH15@2021-11-13', symbol: '35/2021/QH15', issuedOn: '2021-11-13' };
    expect(resolveTarget({ symbol: '35/?/QH', date: null, shortForm: 'Nghị quyết số 35 của Quốc hội', unresolved: true }, {}, [c])).toMatchObject({ id: c.id, symbol: '35/2021/QH15', how: 'context' });
  });
});

describe('resolveExtractions over the five samples', () => {
  const batch = sampleFiles().map((f) => extractText(sample(f), f));
  const resolved = resolveExtractions(batch);
  const byFile = Object.fromEntries(resolved.map((e) => [e.file, e]));

  it('"Nghị quyết số 35 của Quốc hội" resolves to 35/2021/QH15 through another text of the batch', () => {
    const r = byFile['hp-ket-luan-hoi-nghi-thanh-uy-13-khoa-XVI-2023.txt'].relations.find((x) => x.to.shortForm);
    expect(r?.to).toMatchObject({ symbol: '35/2021/QH15', date: '2021-11-13', unresolved: false, dateSource: 'resolved' });
    expect(r?.toId).toBe('35/2021/QH15@2021-11-13');
    expect(r?.toResolution.how).toBe('context');
  });

  it('"18-NQ/TW của Ban Chấp hành Trung ương (khóa XII)" gets 2017-10-25 from the khóa XII hint', () => {
    const rs = byFile['hp-ket-luan-hoi-nghi-thanh-uy-13-khoa-XVI-2023.txt'].relations.filter((x) => x.to.symbol === '18-NQ/TW');
    expect(rs.length).toBe(2);
    for (const r of rs) {
      expect(r.toId).toBe('18-NQ/TW@2017-10-25');
      expect(r.to.date).toBe('2017-10-25');
    }
    const from50 = rs.find((r) => r.from);
    expect(from50?.fromId).toBe('50-KL/TW@2023-02-28');
  });

  it('a text with a number is its own candidate; its own id is "self"', () => {
    const cands = candidatesOf(batch.find((e) => e.document.symbol === '96-KL/TW')!);
    expect(cands.some((c) => c.id === '96-KL/TW@2024-09-30')).toBe(true);
    const self = byFile['tw-ket-luan-96-KL-TW-2024-ocr.txt'].relations[0];
    expect(self.fromResolution).toMatchObject({ how: 'self', id: '96-KL/TW@2024-09-30' });
  });

  it('undated mentions across texts: 57-NQ/TW in the OCR letter takes its only date, 2024-12-22', () => {
    const r = byFile['hp-cong-van-11494-VP-VX-2025-ocr.txt'].relations.find((x) => x.to.symbol === '57-NQ/TW');
    expect(r?.toResolution).toMatchObject({ how: 'only-candidate', id: '57-NQ/TW@2024-12-22' });
  });

  it('unknown undated references stay undated stubs', () => {
    const r = byFile['hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt'].relations.find((x) => x.to.symbol === '110-TB/VPTW');
    expect(r?.toResolution.how).toBe('no-candidate');
    expect(r?.to.date).toBeNull();
  });

  it('two same-symbol candidates and no hint: ambiguous, with both listed', () => {
    const a = extractText('KẾT LUẬN\nvề A\n\nTiếp tục thực hiện Nghị quyết số 08-NQ/TU, ngày 16/5/2013 và Nghị quyết số 08-NQ/TU, ngày 06/12/2022.', 'a.txt');
    const b = extractText('KẾT LUẬN\nvề B\n\nTheo Nghị quyết số 08-NQ/TU.', 'b.txt');
    const [, rb] = resolveExtractions([a, b]);
    expect(rb.relations[0].toResolution).toMatchObject({ how: 'ambiguous', id: '08-NQ/TU?', candidates: ['08-NQ/TU@2013-05-16', '08-NQ/TU@2022-12-06'] });
    expect(rb.relations[0].to.date).toBeNull();
  });
});

describe('resolveFiled', () => {
  it('resolves every reference of a generated corpus as resolveTarget does, from the merged index', async () => {
    const { Corpus } = await import('../../graph-loaders/generate/corpus.js');
    const extractions = [...new Corpus({ docs: 1500, seed: 5 }).documents()].map((d) => extractText(d.text, d.file));
    const index = indexCandidates(mergeCandidates(extractions.flatMap((e) => candidatesOf(e))));
    const hows = new Set<string>();
    let compared = 0;
    let shortForms = 0;
    for (const e of extractions) {
      const citing = citingContextOf(e);
      for (const r of e.relations) {
        for (const t of [r.to, r.from]) {
          if (!t) continue;
          // the citing text is skipped, not filtered out first
          const filed = index.get(lookupKey(t)) ?? [];
          const fast = resolveFiled(t, citing, filed, e.document.id);
          expect(fast).toEqual(resolveTarget(t, citing, filed.filter((c) => c.id !== e.document.id)));
          hows.add(fast.how);
          compared++;
          if (lookupKey(t).startsWith('#')) shortForms++;
        }
      }
    }
    // short forms ("Nghị quyết số 35", "Quyết định số 24 của UBND"): few in the texts, so also
    // every number the index files, in the three placeholder shapes
    const citing = citingContextOf(extractions[0]);
    for (const key of [...index.keys()].filter((k) => k.startsWith('#'))) {
      for (const symbol of [`${key.slice(1)}-NQ/?`, `${key.slice(1)}-?/TU`, `${key.slice(1)}/?/UBND`]) {
        const t = { symbol, date: null, unresolved: true };
        const filed = index.get(lookupKey(t)) ?? [];
        const fast = resolveFiled(t, citing, filed);
        expect(fast).toEqual(resolveTarget(t, citing, filed));
        hows.add(fast.how);
        shortForms++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(shortForms).toBeGreaterThan(100);
    expect([...hows].sort()).toEqual(['ambiguous', 'context', 'dated', 'no-candidate', 'only-candidate']);
  });
});
