// Folded full-text index: "nghi quyet 45", "NQ 45" and "Nghị quyết số 45-NQ/TW" all find 45-NQ/TW.
// Head fields (symbol, type, title, issuer) rank above the body.
import { foldTokens, isStopword } from '../../domain/search.js';
import type { DocumentNode } from '../model.js';

export interface Hit {
  id: string;
  score: number;
}

export class TextIndex {
  private readonly head = new Map<string, Set<string>>();
  private readonly body = new Map<string, Set<string>>();
  private readonly tokensOf = new Map<string, { head: string[]; body: string[] }>();

  set(id: string, doc: Pick<DocumentNode, 'symbol' | 'type' | 'title' | 'issuer'>, text: string | null): void {
    this.delete(id);
    const head = [...new Set(foldTokens([doc.symbol, doc.type, doc.title, doc.issuer].filter(Boolean).join(' ')))];
    const body = text ? [...new Set(foldTokens(text))].filter((t) => !head.includes(t)) : [];
    for (const t of head) add(this.head, t, id);
    for (const t of body) add(this.body, t, id);
    this.tokensOf.set(id, { head, body });
  }

  delete(id: string): void {
    const held = this.tokensOf.get(id);
    if (!held) return;
    for (const t of held.head) remove(this.head, t, id);
    for (const t of held.body) remove(this.body, t, id);
    this.tokensOf.delete(id);
  }

  /** Documents where every non-stopword token of the query occurs; best first, then by id. */
  search(query: string): Hit[] {
    const tokens = [...new Set(foldTokens(query))];
    const required = tokens.filter((t) => !isStopword(t));
    const must = required.length ? required : tokens;
    if (!must.length) return [];
    const postings = must.map((t) => ({ t, head: this.head.get(t), body: this.body.get(t) }));
    postings.sort((a, b) => size(a) - size(b));
    const rarest = postings[0];
    const scores = new Map<string, number>();
    for (const id of [...(rarest.head ?? []), ...(rarest.body ?? [])]) {
      let score = 0;
      let ok = true;
      for (const p of postings) {
        if (p.head?.has(id)) score += 10;
        else if (p.body?.has(id)) score += 1;
        else {
          ok = false;
          break;
        }
      }
      if (ok) scores.set(id, score);
    }
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function size(p: { head?: Set<string>; body?: Set<string> }): number {
  return (p.head?.size ?? 0) + (p.body?.size ?? 0);
}

function add(index: Map<string, Set<string>>, token: string, id: string): void {
  let set = index.get(token);
  if (!set) index.set(token, (set = new Set()));
  set.add(id);
}

function remove(index: Map<string, Set<string>>, token: string, id: string): void {
  const set = index.get(token);
  if (!set) return;
  set.delete(id);
  if (!set.size) index.delete(token);
}
