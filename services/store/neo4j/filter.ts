// DocumentQuery → a Cypher WHERE clause and its parameters. Field names come from a fixed map,
// values only ever travel as parameters.
import { foldTokens, isStopword } from '../../domain/search.js';
import type { StatusPredicate, TimelineField, StatusWindow } from '../../domain/effect.js';
import type { DocumentQuery } from '../port.js';
import { fold, TIMELINE_PROPERTY } from './mapping.js';

export interface Where {
  clause: string;
  params: Record<string, unknown>;
}

function statusWhere(v: string, predicate: StatusPredicate, put: (value: unknown) => string): string {
  const filters = predicate.map((f) => {
    const on = put(f.on);
    if (!f.windows.length) return 'false';
    return '(' + f.windows.map((w) => windowWhere(v, w, on)).join(' OR ') + ')';
  });
  return filters.join(' AND ') || 'true';
}

function windowWhere(v: string, w: StatusWindow, on: string): string {
  const parts: string[] = [];
  // a null `from` date never comes: the comparison is null, which WHERE takes as false
  if (w.from) parts.push(`${v}.${TIMELINE_PROPERTY[w.from]} <= ${on}`);
  if (w.until) parts.push(`coalesce(${v}.${TIMELINE_PROPERTY[w.until]} > ${on}, true)`);
  return '(' + (parts.join(' AND ') || 'true') + ')';
}

export function documentWhere(v: string, q: DocumentQuery): Where {
  const params: Record<string, unknown> = {};
  const parts = [`NOT coalesce(${v}.ambiguous, false)`];
  const put = (value: unknown) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  if (q.includeStubs === false) parts.push(`NOT ${v}.stub`);
  if (q.symbolKey) parts.push(`${v}.symbolKey = ${put(q.symbolKey)}`);
  if (q.type) parts.push(`${v}.typeKey = ${put(fold(q.type))}`);
  if (q.issuer) parts.push(`${v}.issuerKey CONTAINS ${put(fold(q.issuer))}`);
  if (q.issuedFrom) parts.push(`${v}.issuedOn >= ${put(q.issuedFrom)}`);
  if (q.issuedTo) parts.push(`${v}.issuedOn <= ${put(q.issuedTo)}`);
  if (q.changedSince) parts.push(`${v}.updatedAt >= ${put(q.changedSince)}`);
  if (q.status) parts.push(statusWhere(v, q.status, put));
  return { clause: parts.join(' AND '), params };
}

/** Every document but the ambiguous placeholders: the count store's total less an index count. */
const LISTED = `CALL () { MATCH (d:Document) RETURN count(d) AS all }
CALL () { MATCH (d:Document) WHERE d.ambiguous = true RETURN count(d) AS ambiguous }
RETURN all - ambiguous AS n`;

/**
 * The count of what a query selects when indexes alone can give it, so no node is read: with no
 * filter, the documents less the ambiguous placeholders; with one status filter alone, per window
 * #{reached from} − #{reached until}, each a range count on the timeline's indexes (placeholders
 * carry no timeline). Null when anything else filters: then the matches are counted.
 */
export function indexCount(q: DocumentQuery): { cypher: string; params: Record<string, unknown> } | null {
  const { status, includeStubs, ...rest } = q;
  if (includeStubs === false || Object.values(rest).some((v) => v !== undefined)) return null;
  if (!status) return { cypher: LISTED, params: {} };
  if (status.length !== 1) return null;
  const reached = (field: TimelineField | null, i: number) =>
    `CALL () { MATCH (d:Document) WHERE d.${TIMELINE_PROPERTY[field ?? 'issued']} ${field ? '<= $on' : 'IS NOT NULL'} RETURN count(d) AS c${i} }`;
  const calls: string[] = [];
  const terms: string[] = [];
  for (const w of status[0].windows) {
    calls.push(reached(w.from, calls.length));
    terms.push(`c${calls.length - 1}`);
    if (w.until) {
      calls.push(reached(w.until, calls.length));
      terms.push(`- c${calls.length - 1}`);
    }
  }
  if (!calls.length) return { cypher: 'RETURN 0 AS n', params: {} };
  return { cypher: `${calls.join('\n')}\nRETURN ${terms.join(' + ').replace(/\+ -/g, '-')} AS n`, params: { on: status[0].on } };
}

/**
 * A Lucene query for the full-text index: every required token must occur in the head
 * (symbol, type, title, issuer; boosted) or the body. Tokens are letters and digits only.
 */
export function luceneQuery(text: string): string | null {
  const tokens = [...new Set(foldTokens(text))];
  const required = tokens.filter((t) => !isStopword(t));
  const must = required.length ? required : tokens;
  if (!must.length) return null;
  return must.map((t) => `+(searchHead:${t}^10 OR body:${t})`).join(' ');
}
