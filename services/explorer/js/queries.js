// The GraphQL the pages send. Each view asks for what it shows, in one request where it can.

const BRIEF = `fragment Brief on Document { id symbol type issuer issuedOn issuedNotBefore title stub ambiguous }`;

const EVIDENCE = `evidence { quote start end rule kind scope effectiveFrom curated author at reason resolution
  source { id symbol type issuedOn issuedNotBefore } }`;

export const SEARCH = `query Search($filter: DocumentFilter, $first: Int, $after: String, $asOf: Date) {
  documents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...Brief status(asOf: $asOf) sameSymbol { id } } }
  }
}
${BRIEF}`;

export const TYPES = `query Types { stats { documents stubs relations byType { key count } } }`;

export const BY_SYMBOL = `query BySymbol($symbol: String!, $asOf: Date) {
  documentsBySymbol(symbol: $symbol) { ...Brief status(asOf: $asOf) }
}
${BRIEF}`;

export const DOCUMENT = `query Document($id: ID!, $asOf: Date) {
  document(id: $id) {
    ...Brief effectiveFrom expiresOn place locality term file
    candidates { ...Brief status(asOf: $asOf) }
    sameSymbol { ...Brief status(asOf: $asOf) }
    effect(asOf: $asOf) { status asOf presumed reasons { kind date presumed relation { id } } }
    endedBy(asOf: $asOf) { id kind scope curated from { ...Brief } ${EVIDENCE} }
    outgoing { id type kind scope curated ${EVIDENCE} other: to { ...Brief status(asOf: $asOf) candidates { ...Brief status(asOf: $asOf) } } }
    incoming { id type kind scope curated ${EVIDENCE} other: from { ...Brief status(asOf: $asOf) } }
  }
}
${BRIEF}`;

export const CHAIN = `query Chain($id: ID!, $asOf: Date) {
  document(id: $id) {
    ...Brief status(asOf: $asOf)
    supersessionChain(direction: BOTH) {
      depth direction truncated
      document { ...Brief status(asOf: $asOf) }
      via { id kind scope curated from { id } to { id } ${EVIDENCE} }
    }
  }
}
${BRIEF}`;

export const TEXT = `query Text($id: ID!) { document(id: $id) { id text } }`;

/** The date to ask about, or undefined for the server's today. @param {Record<string, string>} params */
export function asOfOf(params) {
  return /^\d{4}-\d{2}-\d{2}$/.test(params.asOf ?? '') ? params.asOf : undefined;
}
