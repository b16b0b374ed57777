// Where a store's write time goes, measured from outside: wraps the embedded store's journal
// commit and in-memory apply, and every Cypher statement of a Neo4j write transaction. Reads
// private fields, so it checks they exist and reports nothing rather than guess.
import type { Store } from '../../services/store/port.js';

export class Breakdown {
  private readonly seconds = new Map<string, number>();
  private readonly calls = new Map<string, number>();

  add(label: string, s: number): void {
    this.seconds.set(label, (this.seconds.get(label) ?? 0) + s);
    this.calls.set(label, (this.calls.get(label) ?? 0) + 1);
  }

  /** Largest first. */
  rows(): { label: string; seconds: number; calls: number }[] {
    return [...this.seconds].map(([label, seconds]) => ({ label, seconds, calls: this.calls.get(label) ?? 0 })).sort((a, b) => b.seconds - a.seconds);
  }

  reset(): void {
    this.seconds.clear();
    this.calls.clear();
  }
}

const now = () => performance.now() / 1000;

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

function wrapAsync(target: Record<string, unknown>, name: string, label: string, into: Breakdown): boolean {
  const original = target[name];
  if (typeof original !== 'function') return false;
  target[name] = async function (this: unknown, ...args: unknown[]) {
    const t0 = now();
    try {
      return await (original as AnyFn).apply(this, args);
    } finally {
      into.add(label, now() - t0);
    }
  };
  return true;
}

/** A short label for a Cypher statement: its first clauses, whitespace folded. */
export function statementLabel(cypher: string): string {
  return cypher.replace(/\s+/g, ' ').trim().slice(0, 90);
}

/** Instrument a store's writes; returns false when its internals are not where expected. */
export function instrumentWrites(store: Store, into: Breakdown): boolean {
  const s = store as unknown as Record<string, Record<string, unknown>>;
  if (store.kind === 'embedded') {
    const ok1 = wrapAsync(s.persistence, 'commit', 'journal commit (write + fsync)', into);
    const ok2 = wrapAsync(s.persistence, 'writeSnapshot', 'snapshot (compaction)', into);
    const state = s.state;
    const apply = state?.apply;
    if (typeof apply === 'function') {
      state.apply = function (this: unknown, ...args: unknown[]) {
        const t0 = now();
        try {
          return (apply as AnyFn).apply(this, args);
        } finally {
          into.add('in-memory apply (indexes, effects)', now() - t0);
        }
      };
    }
    return ok1 && ok2 && typeof apply === 'function';
  }
  const db = s.db;
  const write = db?.write;
  if (typeof write !== 'function') return false;
  db.write = async function (this: unknown, work: AnyFn, timeout?: number) {
    const t0 = now();
    let inStatements = 0;
    try {
      return await (write as AnyFn).call(this, (tx: { run: AnyFn }) => {
        const proxy = new Proxy(tx, {
          get(target, prop) {
            if (prop !== 'run') return Reflect.get(target, prop);
            return (cypher: string, params?: unknown) => {
              const t1 = now();
              const result = target.run(cypher, params);
              // a Result is a thenable: time it to its last record
              result.then(
                () => {
                  const d = now() - t1;
                  inStatements += d;
                  into.add(statementLabel(cypher), d);
                },
                () => {},
              );
              return result;
            };
          },
        });
        return work(proxy);
      }, timeout);
    } finally {
      into.add('commit and driver overhead', Math.max(0, now() - t0 - inStatements));
    }
  };
  return true;
}

const READS = ['getDocuments', 'evidenceOf', 'evidenceWithDocuments', 'findDocuments', 'findDocumentsWithEvidence', 'documentsBySymbol', 'chains', 'chainsWithDocuments', 'path', 'texts', 'candidates', 'undatedEvidence'] as const;

/** Count and time every read a store serves: how many store calls one GraphQL request costs. */
export function instrumentReads(store: Store, into: Breakdown): void {
  const target = store as unknown as Record<string, unknown>;
  for (const name of READS) wrapAsync(target, name, `store.${name}`, into);
}
