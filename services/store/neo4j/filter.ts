// DocumentQuery → a Cypher WHERE clause and its parameters. Field names come from a fixed map,
// values only ever travel as parameters.
import { foldTokens, isStopword } from '../../domain/search.js';
import type { Cond, StatusPredicate, SummaryField } from '../../domain/effect.js';
import type { DocumentQuery } from '../port.js';
import { fold } from './mapping.js';

const SUMMARY_PROPERTY: Record<SummaryField, string> = {
  startsOn: 'effStartsOn',
  effectiveFrom: 'effEffectiveFrom',
  endsOn: 'effEndsOn',
  endKind: 'effEndKind',
  partlyEndsOn: 'effPartlyEndsOn',
};

export interface Where {
  clause: string;
  params: Record<string, unknown>;
}

export function statusWhere(v: string, predicate: StatusPredicate, params: Record<string, unknown>): string {
  if (!predicate.length) return 'false';
  const ors = predicate.map((all) => {
    if (!all.length) return 'true';
    return '(' + all.map((c) => condition(v, c, params)).join(' AND ') + ')';
  });
  return '(' + ors.join(' OR ') + ')';
}

function condition(v: string, c: Cond, params: Record<string, unknown>): string {
  const prop = `${v}.${SUMMARY_PROPERTY[c.field]}`;
  if (c.op === 'null') return `${prop} IS NULL`;
  const name = `p${Object.keys(params).length}`;
  params[name] = c.value;
  return `${prop} ${c.op} $${name}`;
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
  if (q.status) parts.push(statusWhere(v, q.status, params));
  return { clause: parts.join(' AND '), params };
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
