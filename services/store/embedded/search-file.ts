// The full-text index as bytes beside the snapshot (DATA_DIR/search-<lastSeq>.bin), so that opening
// a store reads it back instead of tokenising every stored text again. Postings are copied as they
// are (already delta-coded); entries name their document by id, since node numbers are the
// process's own. A file that is missing, of another snapshot or damaged is ignored: the index is
// then rebuilt from the texts, as before, so this file is a cache and never the only copy.
//   'CGTI' · format u32 · lastSeq f64 · entries u32 · per entry: live u8, id
//   then head and body: tokens u32 · per token: token, count u32, last+1 u32, bytes u32 + raw
//   (strings: UTF-8 byte length u32 + bytes; little-endian throughout)
import { Postings, TextIndex, type IndexParts } from './text-index.js';

const MAGIC = 0x49544743; // 'CGTI'
const FORMAT = 1;
const CHUNK = 1 << 20;

/** Bytes of an index, about 1 MB at a time; postings are views, so nothing may change the index until they are written. */
export function* encodeIndex(parts: IndexParts, idOf: (node: number) => string, lastSeq: number): Generator<Uint8Array> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let at = 0;
  const room = function* (n: number): Generator<Uint8Array> {
    if (at + n <= buf.length) return;
    yield buf.subarray(0, at);
    buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
    at = 0;
  };
  const u32 = function* (v: number) {
    yield* room(4);
    at = buf.writeUInt32LE(v, at);
  };
  const str = function* (s: string) {
    const n = Buffer.byteLength(s);
    yield* room(4 + n);
    at = buf.writeUInt32LE(n, at);
    at += buf.write(s, at);
  };
  yield* room(20);
  at = buf.writeUInt32LE(MAGIC, at);
  at = buf.writeUInt32LE(FORMAT, at);
  at = buf.writeDoubleLE(lastSeq, at);
  at = buf.writeUInt32LE(parts.nodeOf.length, at);
  for (let e = 0; e < parts.nodeOf.length; e++) {
    const live = parts.live[e] === 1;
    yield* room(1);
    buf[at++] = live ? 1 : 0;
    yield* str(live ? idOf(parts.nodeOf[e]) : '');
  }
  for (const map of [parts.head, parts.body]) {
    yield* u32(map.size);
    for (const [token, p] of map) {
      yield* str(token);
      yield* u32(p.count);
      yield* u32(p.last + 1);
      yield* u32(p.size);
      for (const part of [p.stored, p.bytes.subarray(0, p.length)]) {
        if (part.length > CHUNK / 4) {
          yield buf.subarray(0, at);
          buf = Buffer.allocUnsafe(CHUNK);
          at = 0;
          yield part;
        } else {
          yield* room(part.length);
          buf.set(part, at);
          at += part.length;
        }
      }
    }
  }
  if (at) yield buf.subarray(0, at);
}

/**
 * The index in these bytes, or null when they are not an index of this snapshot (`lastSeq`) or
 * name an id `nodeOf` does not know. Postings stay views into `buf`.
 */
export function decodeIndex(buf: Buffer, lastSeq: number, nodeOf: (id: string) => number | undefined): TextIndex | null {
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw new RangeError('truncated');
  };
  const u32 = () => {
    need(4);
    const v = buf.readUInt32LE(at);
    at += 4;
    return v;
  };
  const str = () => {
    const n = u32();
    need(n);
    const s = buf.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  try {
    if (u32() !== MAGIC || u32() !== FORMAT) return null;
    need(8);
    const seq = buf.readDoubleLE(at);
    at += 8;
    if (seq !== lastSeq) return null;
    const entries = u32();
    const parts: IndexParts = { nodeOf: new Array<number>(entries), live: new Uint8Array(Math.max(1024, entries)), head: new Map(), body: new Map() };
    const seen = new Set<number>();
    for (let e = 0; e < entries; e++) {
      need(1);
      const live = buf[at++] === 1;
      const id = str();
      if (!live) {
        parts.nodeOf[e] = -1;
        continue;
      }
      const n = nodeOf(id);
      if (n === undefined || seen.has(n)) return null;
      seen.add(n);
      parts.nodeOf[e] = n;
      parts.live[e] = 1;
    }
    for (const map of [parts.head, parts.body]) {
      const tokens = u32();
      for (let t = 0; t < tokens; t++) {
        const token = str();
        const count = u32();
        const last = u32() - 1;
        const length = u32();
        need(length);
        map.set(token, Postings.of(buf.subarray(at, at + length), count, last));
        at += length;
      }
    }
    if (at !== buf.length) return null;
    return TextIndex.fromParts(parts);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}
