// Shared shapes of the loader pipeline:
// text → normalise → identify → find references → classify → resolve → graph batch.
// The extraction shapes below are the `npm run extract` output format (one line per file).

export const RELATION_TYPES = ['SUPERSEDES', 'AMENDS', 'IMPLEMENTS', 'GUIDES', 'BASED_ON', 'CITES'] as const;
/** Ordered strongest first: a pair linked by several relations keeps the strongest. */
export type RelationType = (typeof RELATION_TYPES)[number];

/** How a SUPERSEDES edge ends its target, in the words of the text. */
export type EndingKind =
  | 'thay thế' // replaces
  | 'bãi bỏ' // repeals
  | 'hủy bỏ' // annuls
  | 'dừng thực hiện' // stops
  | 'hết hiệu lực' // ends effect
  | 'đình chỉ' // suspends
  | 'ngưng hiệu lực'; // suspends effect

/** A document as the text identifies it (the document itself, not a reference). */
export interface DocumentIdentity {
  /** Stable id: symbol@date, or issuer+type+date/title for documents without a number. */
  id: string;
  symbol: string | null;
  /** Vietnamese type name, e.g. "Kết luận", "Nghị quyết", "Quy định". */
  type: string | null;
  issuer: string | null;
  issuedOn: string | null;
  title: string | null;
  /** Place on the "<Nơi>, ngày … tháng … năm …" line. */
  place?: string | null;
  /** Province or city of a local issuer (Thành ủy Hải Phòng → "Hải Phòng"). */
  locality?: string | null;
  /** Committee term, e.g. "XIII" for khóa XIII. */
  term?: string | null;
  /** Lower bound when issuedOn is unknown: the latest date the text mentions. */
  issuedNotBefore?: string | null;
  /** End set by the document's own text (annual plan, "có hiệu lực đến ..."). */
  expiresOn?: string | null;
  /** Its own effective date when the text sets one ("có hiệu lực từ ngày ..."). */
  effectiveFrom?: string | null;
  /** A consolidated text (văn bản hợp nhất): repeats old clauses, asserts nothing new. */
  consolidated?: boolean;
}

/** One side of an extracted relation: a document named by the text. */
export interface ReferenceTarget {
  symbol: string;
  date: string | null;
  /** What the text says about it, used to resolve an undated reference. */
  type?: string | null;
  issuer?: string | null;
  term?: string | null;
  /** A short form ("Nghị quyết số 35 của Quốc hội") and how it was resolved in the text. */
  shortForm?: string | null;
  /** True when a short form could not be resolved within the text. */
  unresolved?: boolean;
  /** Words of the subject ("về ..."), to pick among same-symbol candidates. */
  subject?: string | null;
  /**
   * Where `date` comes from when it is not printed at this mention: 'same-text' (another mention of the
   * same symbol in this text), 'resolved' (the only or the context-picked candidate across texts).
   */
  dateSource?: 'same-text' | 'resolved' | null;
}

export interface ExtractedRelation {
  /** null: the document itself asserts the relation. Otherwise the first document of a relation between two others. */
  from: ReferenceTarget | null;
  to: ReferenceTarget;
  type: RelationType;
  /** The quote, exactly as it stands in the text between start and end. */
  evidence: string;
  start: number;
  end: number;
  /** Name of the rule that fired, for provenance. */
  rule: string;
  /** For SUPERSEDES: which ending phrase (thay thế, bãi bỏ, dừng thực hiện ...). */
  kind?: EndingKind | string | null;
  /** For a partial ending or amendment: the part named (Điều 5, khoản 2 ...). */
  scope?: string | null;
  /** For SUPERSEDES: the date the ending takes effect when the text gives one. */
  effectiveFrom?: string | null;
}

export interface Extraction {
  file: string;
  document: DocumentIdentity;
  relations: ExtractedRelation[];
}

export interface ExtractionError {
  file: string;
  error: string;
}
