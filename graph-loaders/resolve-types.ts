// Contract of the resolve stage: references → document ids, across texts and the store.
import type { Extraction, ExtractedRelation, ReferenceTarget } from './types.js';

/** A document a reference may name: loaded, a stub, or named with a date by another text in the same load. */
export interface Candidate {
  id: string;
  symbol: string;
  issuedOn: string | null;
  type?: string | null;
  issuer?: string | null;
  term?: string | null;
  locality?: string | null;
  title?: string | null;
  /** A loaded text's own identity: its fields win over what references say of it. */
  document?: boolean;
}

export type ResolutionHow =
  | 'dated' // the reference carries its date: exactly that document
  | 'only-candidate' // undated, and one document carries the symbol
  | 'context' // undated, several candidates, context (term, issuer, year, subject) picked one
  | 'no-candidate' // undated, nothing known yet: an undated stub
  | 'ambiguous' // undated, several candidates, context cannot pick: explicit ambiguous reference
  | 'self'; // the document itself

export interface ResolvedTarget {
  id: string;
  symbol: string | null;
  /** The date of the document resolved to, when known (may come from context). */
  date: string | null;
  how: ResolutionHow;
  /** For 'ambiguous': the candidate ids. */
  candidates?: string[];
}

/** What is known of the citing text, to judge context (a reference cannot name a later document). */
export interface CitingContext {
  issuedOn?: string | null;
  issuedNotBefore?: string | null;
  locality?: string | null;
  issuer?: string | null;
}

export interface ResolvedRelation extends ExtractedRelation {
  fromId: string;
  toId: string;
  /** The references as the text wrote them, before resolution filled in symbols or dates: what the
   * graph keys evidence by and re-resolves from, so the graph does not depend on load order. */
  toWritten: ReferenceTarget;
  fromWritten: ReferenceTarget | null;
  fromResolution: ResolvedTarget;
  toResolution: ResolvedTarget;
}

export interface ResolvedExtraction extends Extraction {
  relations: ResolvedRelation[];
}

export type ResolveTarget = (ref: ReferenceTarget, citing: CitingContext, candidates: Candidate[]) => ResolvedTarget;
