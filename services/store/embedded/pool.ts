// Interned strings: a repeated value (a rule name, a kind, a symbol) is held once and named by a
// small integer. Id 0 is null.
/**
 * A copy of `s` in one piece of its own. A value may arrive as a slice of a whole text (a title,
 * an issuer) or as a tree of concatenated pieces (a key); V8 keeps a slice's parent and a tree's
 * pieces alive, and a pool holds its values for the store's life.
 */
export const flat = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));

export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly values: (string | null)[] = [null];

  id(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      const own = flat(value);
      this.values.push(own);
      this.ids.set(own, id);
    }
    return id;
  }

  /** Ids handed out so far, 0 (null) included: every id is below it. */
  get size(): number {
    return this.values.length;
  }

  /** The id of a value already held, without adding it. */
  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  value(id: number): string | null {
    return this.values[id] ?? null;
  }

  /** The same string instance for equal values, so repeated fields share memory. */
  intern<T extends string | null | undefined>(value: T): T {
    if (value === null || value === undefined) return value;
    return this.values[this.id(value)] as T;
  }

  toJSON(): (string | null)[] {
    return this.values;
  }

  static from(values: (string | null)[]): StringPool {
    const pool = new StringPool();
    for (let i = 1; i < values.length; i++) pool.id(values[i]);
    return pool;
  }
}
