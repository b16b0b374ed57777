// The per-file pipeline: normalise → identify → find references → resolve within the text (short
// forms, undated mentions of a symbol the text also dates) → classify. Pure: same text, same output.
import { classify } from './classify.js';
import { documentId, symbolKey } from './ids.js';
import { identify, latestMentionedDate } from './identify.js';
import { fold, storedText } from './normalise.js';
import { findReferences, type Mention } from './references.js';
import { resolveExtractions, resolveTarget, shortFormMatches } from './resolve.js';
import type { Candidate, CitingContext } from './resolve-types.js';
import type { DocumentIdentity, ExtractedRelation, Extraction } from './types.js';
import { targetOf } from './classify.js';

export { storedText } from './normalise.js';

export function extractText(text: string, file: string): Extraction {
  const stored = storedText(text);
  const folded = fold(stored);
  const { identity, layout } = identify(stored, folded, file);
  const mentions = findReferences(stored, folded, { skip: layout.ownSymbolSpan ? [layout.ownSymbolSpan] : [] });
  identity.issuedNotBefore = latestMentionedDate(folded, mentions, identity.issuedOn);
  resolveInText(mentions, identity);
  const relations = classify({ stored, folded, layout, identity, mentions });
  return { file, document: identity, relations };
}

/**
 * Within one text: a short form takes the one full symbol of the text it fits ("Nghị quyết 57" after
 * "Nghị quyết số 57-NQ/TW"); an undated mention takes the date of the text's dated mention of the same
 * symbol when the context allows exactly one (08-NQ/TU of 2013 and of 2022 in one text stay apart).
 */
export function resolveInText(mentions: Mention[], identity: DocumentIdentity): void {
  const citing: CitingContext = { issuedOn: identity.issuedOn, issuedNotBefore: identity.issuedNotBefore ?? null, locality: identity.locality ?? null, issuer: identity.issuer };
  const full = mentions.filter((m) => m.family !== 'short');
  for (const m of mentions) {
    if (m.family !== 'short') continue;
    const symbols = [...new Set(full.filter((f) => shortFormMatches(m.symbol, { symbol: f.symbol, type: f.type })).map((f) => f.symbol))];
    if (symbols.length === 1) {
      m.symbol = symbols[0];
      m.key = symbolKey(m.symbol);
      m.unresolved = false;
    }
  }
  const datedByKey = new Map<string, Candidate[]>();
  for (const m of mentions) {
    if (!m.date || m.unresolved) continue;
    const list = datedByKey.get(m.key) ?? [];
    const id = documentId(m.symbol, m.date);
    const old = list.find((c) => c.id === id);
    if (old) {
      old.term ??= m.term;
      old.issuer ??= m.issuer;
      old.title ??= m.subject;
    } else list.push({ id, symbol: m.symbol, issuedOn: m.date, type: m.type, issuer: m.issuer, term: m.term, locality: null, title: m.subject });
    datedByKey.set(m.key, list);
  }
  for (const m of mentions) {
    if (m.date || m.unresolved) continue;
    const cands = datedByKey.get(m.key);
    if (!cands) continue;
    const r = resolveTarget(targetOf(m), citing, cands);
    if ((r.how === 'only-candidate' || r.how === 'context') && r.date) {
      m.date = r.date;
      m.dateFrom = 'same-text';
    }
  }
}

/** Extract a batch of texts and resolve it against itself (and external candidates): what `extract` prints. */
export function extractBatch(items: readonly { text: string; file: string }[], external: Candidate[] = []): Extraction[] {
  const extractions = items.map((i) => extractText(i.text, i.file));
  return resolveExtractions(extractions, external).map(plainExtraction);
}

/** Drop the resolution internals (ids, how) and keep the extraction line format. */
export function plainExtraction(e: Extraction): Extraction {
  return {
    file: e.file,
    document: e.document,
    relations: e.relations.map((r) => {
      const { fromId, toId, fromResolution, toResolution, toWritten, fromWritten, ...rest } = r as ExtractedRelation & {
        fromId?: string;
        toId?: string;
        fromResolution?: unknown;
        toResolution?: unknown;
        toWritten?: unknown;
        fromWritten?: unknown;
      };
      void [fromId, toId, fromResolution, toResolution, toWritten, fromWritten];
      return rest;
    }),
  };
}

/** One output line of `extract`: {"file", "document", "relations"}. */
export function extractionLine(e: Extraction): string {
  return JSON.stringify(plainExtraction(e));
}
