// Type definitions for @neo4j/graphql (the peer) over the graph the Neo4j store writes:
// (:Document) nodes, the six typed relationships between documents, and (:Evidence) nodes that
// name their documents by id (no relationship), reached here through @cypher fields.
export const PEER_TYPEDEFS = /* GraphQL */ `
  type Document @node {
    "A String, not an ID: the keyset page filters id > cursor, and ID has no ordering filters."
    id: String!
    symbol: String
    symbolKey: String
    type: String
    issuer: String
    issuedOn: String
    title: String
    stub: Boolean
    ambiguous: Boolean
    effStartsOn: String
    effEffectiveFrom: String
    effEndsOn: String
    effEndKind: String
    effPartlyEndsOn: String
    sinceIssued: String
    sinceEffective: String
    sincePartly: String
    sinceEnded: String
    sinceSuperseded: String
    sinceExpired: String
    supersedes: [Document!]! @relationship(type: "SUPERSEDES", direction: OUT)
    amends: [Document!]! @relationship(type: "AMENDS", direction: OUT)
    implements: [Document!]! @relationship(type: "IMPLEMENTS", direction: OUT)
    guides: [Document!]! @relationship(type: "GUIDES", direction: OUT)
    basedOn: [Document!]! @relationship(type: "BASED_ON", direction: OUT)
    cites: [Document!]! @relationship(type: "CITES", direction: OUT)
    supersededBy: [Document!]! @relationship(type: "SUPERSEDES", direction: IN)
    "Evidence rows asserting its outgoing relations (Evidence names documents by id, not by relationship)."
    outgoingEvidence: [Evidence!]!
      @cypher(statement: "MATCH (e:Evidence {from: this.id}) WHERE NOT e.suppressed RETURN e ORDER BY e.key", columnName: "e")
  }

  type Evidence @node {
    key: ID!
    from: String!
    to: String!
    type: String!
    source: String!
    quote: String!
    start: Int
    end: Int
    rule: String!
    kind: String
    scope: String
    suppressed: Boolean
  }
`;
