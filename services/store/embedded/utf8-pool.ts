// Interned strings kept as UTF-8 bytes in pages instead of as JS strings. The references as written
// (evidence-table.ts) are mostly Vietnamese: two bytes a character as JS strings, about 1.1 as
// UTF-8, and each JS string would also carry a header and a Map entry (at 100k documents: 51 MB of
// characters as strings, 28 MB as UTF-8). Id 0 is null; equal values share an id, found through an
// open-addressing table of ids by a hash of the bytes.
import { grow } from './columns.js';

const PAGE = 1 << 24; // 16 MB at most (the first pages are smaller); a value never spans pages
const FIRST_PAGE = 1 << 16;
const AS_STRING = 0xffff; // page of a value kept as a string: longer than a page, or not valid UTF-16
const EMPTY = 0;

export class Utf8Pool {
  private readonly pages: Buffer[] = [];
  /** Where the current page is written up to. */
  private used = 0;
  /** Per id: page, offset in it, byte length, and hash. */
  private page = new Uint16Array(1024);
  private offset = new Uint32Array(1024);
  private length = new Uint32Array(1024);
  private hash = new Uint32Array(1024);
  private next = 1;
  /** Ids by hash, open addressing (0: empty slot); kept under half full. */
  private slots = new Int32Array(2048);
  private scratch = Buffer.allocUnsafe(4096);
  /** Values that UTF-8 cannot hold exactly (a lone surrogate) or too long for a page: kept as strings. */
  private readonly large = new Map<number, string>();
  private readonly largeIds = new Map<string, number>();

  get size(): number {
    return this.next - 1;
  }

  /** Bytes held: pages and the tables. */
  get bytes(): number {
    const tables = [this.page, this.offset, this.length, this.hash, this.slots].reduce((sum, a) => sum + a.byteLength, 0);
    return this.pages.reduce((sum, p) => sum + p.length, tables);
  }

  /** The id of a value, adding it when new. */
  id(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0;
    if (asString(value)) return this.largeIds.get(value) ?? this.keep(value);
    const n = this.encode(value);
    const h = hashOf(this.scratch, n);
    const found = this.lookup(h, n);
    return found !== EMPTY ? found : this.add(h, n);
  }

  /** The id of a value already held, without adding it. */
  find(value: string): number | undefined {
    if (asString(value)) return this.largeIds.get(value);
    const n = this.encode(value);
    const found = this.lookup(hashOf(this.scratch, n), n);
    return found === EMPTY ? undefined : found;
  }

  value(id: number): string | null {
    if (id <= 0 || id >= this.next) return null;
    if (this.page[id] === AS_STRING) return this.large.get(id)!;
    const offset = this.offset[id];
    return this.pages[this.page[id]].toString('utf8', offset, offset + this.length[id]);
  }

  private encode(value: string): number {
    if (value.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(value.length * 3);
    return this.scratch.write(value, 0, 'utf8');
  }

  /** The id whose bytes equal scratch[0, n), or EMPTY. */
  private lookup(h: number, n: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s];
      if (id === EMPTY) return EMPTY;
      if (this.hash[id] === h && this.length[id] === n && this.equals(id, n)) return id;
    }
  }

  private equals(id: number, n: number): boolean {
    const offset = this.offset[id];
    return this.pages[this.page[id]].compare(this.scratch, 0, n, offset, offset + n) === 0;
  }

  private newId(): number {
    const id = this.next++;
    if (id >= this.hash.length) {
      this.page = grow(this.page, id + 1);
      this.offset = grow(this.offset, id + 1);
      this.length = grow(this.length, id + 1);
      this.hash = grow(this.hash, id + 1);
    }
    return id;
  }

  private keep(value: string): number {
    const id = this.newId();
    this.page[id] = AS_STRING;
    this.large.set(id, value);
    this.largeIds.set(value, id);
    return id;
  }

  private add(h: number, n: number): number {
    const id = this.newId();
    this.hash[id] = h;
    this.length[id] = n;
    let last = this.pages[this.pages.length - 1];
    if (!last || this.used + n > last.length) {
      if (this.pages.length === AS_STRING) throw new Error('string pool full: 1 TB of references as written');
      last = Buffer.allocUnsafe(Math.max(n, Math.min(PAGE, last ? last.length * 2 : FIRST_PAGE)));
      this.pages.push(last);
      this.used = 0;
    }
    this.scratch.copy(last, this.used, 0, n);
    this.page[id] = this.pages.length - 1;
    this.offset[id] = this.used;
    this.used += n;
    if (this.next * 2 > this.slots.length) this.rehash();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hash[id] & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 1; id < this.next; id++) if (this.page[id] !== AS_STRING) this.place(id);
  }
}

/** Kept as a JS string: too long for a page even at 3 bytes a character, or with a lone surrogate, which UTF-8 would not give back. */
const asString = (s: string): boolean => s.length > PAGE / 3 || !(s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** FNV-1a over the bytes. */
function hashOf(bytes: Uint8Array, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}
