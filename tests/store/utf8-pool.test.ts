// The UTF-8 string pool gives every value back exactly and one id per distinct value, across page
// and table growth, for the strings references as written are made of and for the ones UTF-8 cannot hold.
import { expect, it } from 'vitest';
import { Utf8Pool } from '../../services/store/embedded/utf8-pool.js';

const ref = (i: number) => `{"ref":{"symbol":"${i}-NQ/TU","date":null,"type":"Nghị quyết","issuer":"Ban Thường vụ Tỉnh ủy Bến Tre ${i % 97}"}`;

it('interns values, one id each, and gives them back exactly', () => {
  const pool = new Utf8Pool();
  const values = [...Array.from({ length: 30_000 }, (_, i) => ref(i)), '', 'ascii', 'Quyết định số 24/QĐ-UBND', '😀 ngoài BMP', ',"citing":{"issuedOn":"2025-01-01"}}'];
  const ids = values.map((v) => pool.id(v));
  expect(new Set(ids).size).toBe(values.length);
  expect(ids.every((id) => id > 0)).toBe(true);
  values.forEach((v, i) => expect(pool.value(ids[i])).toBe(v));
  // again: the same ids, nothing added
  expect(values.map((v) => pool.id(v))).toEqual(ids);
  expect(values.map((v) => pool.find(v))).toEqual(ids);
  expect(pool.size).toBe(values.length);
  expect(pool.find('not held')).toBeUndefined();
  expect(pool.id(null)).toBe(0);
  expect(pool.value(0)).toBeNull();
  expect(pool.value(pool.size + 1)).toBeNull();
  // 30k values of ~110 bytes fill several pages: far less than two bytes a character
  const chars = values.reduce((n, v) => n + v.length, 0);
  expect(pool.bytes).toBeLessThan(2 * chars);
});

it('keeps values UTF-8 cannot give back (a lone surrogate) and long ones as strings, still one id each', () => {
  const pool = new Utf8Pool();
  const odd = ['a\ud800b', '\udc00', 'x'.repeat((1 << 24) / 3 + 1)];
  const ids = odd.map((v) => pool.id(v));
  // their UTF-8 replacement is another value with its own id
  const replaced = pool.id('a\ufffdb');
  expect(new Set([...ids, replaced]).size).toBe(4);
  odd.forEach((v, i) => expect(pool.value(ids[i])).toBe(v));
  expect(odd.map((v) => pool.id(v))).toEqual(ids);
  expect(odd.map((v) => pool.find(v))).toEqual(ids);
  expect(pool.value(replaced)).toBe('a\ufffdb');
});
