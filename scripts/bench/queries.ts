// The benchmarked GraphQL requests, ours and the peer's equivalent, built per request from
// pools of ids, cursors and dates so that no scenario measures one cached answer.
import { encodeCursor } from '../../services/store/cursor.js';
import { IN_EFFECT_VALUES, statusPredicate } from '../../services/domain/effect.js';
import { TIMELINE_PROPERTY } from '../../services/store/neo4j/mapping.js';

export interface Pools {
  /** Loaded documents with at least three outgoing relations. */
  docIds: string[];
  /** Last documents of supersession chains at least 21 long. */
  chainIds: string[];
  /** Dates for the inEffectOn filter. */
  dates: string[];
}

export type ScenarioName = 'document' | 'page20' | 'chain20' | 'inEffect' | 'inEffectSameDate';

export const SCENARIOS: { name: ScenarioName; label: string }[] = [
  { name: 'document', label: 'document + outgoing relations, targets, evidence' },
  { name: 'page20', label: 'documents(first: 20) with relations and targets' },
  { name: 'chain20', label: 'supersession chain, depth 20' },
  { name: 'inEffect', label: 'documents(filter: {inEffectOn}, first: 100), a new date each request' },
  { name: 'inEffectSameDate', label: 'documents(filter: {inEffectOn}, first: 100), one date' },
];

const TARGET = 'id symbol type issuedOn title';

/** Our API's request for each scenario (the bench's, and scripts/bench/compare.ts's). */
export const OURS: Record<ScenarioName, string> = {
  document: `query Doc($id: ID!) { document(id: $id) { id symbol type issuer issuedOn title
    outgoing { type to { ${TARGET} } evidence { quote start end } } } }`,
  page20: `query Page($after: String) { documents(first: 20, after: $after) { edges { node { id symbol type issuedOn title
    outgoing { type to { ${TARGET} } evidence { quote start end } } } } pageInfo { endCursor hasNextPage } } }`,
  chain20: `query Chain($id: ID!) { document(id: $id) { id symbol issuedOn
    supersessionChain(direction: OLDER, maxDepth: 20) { depth document { id symbol issuedOn } } } }`,
  inEffect: `query InEffect($d: Date!) { documents(filter: {inEffectOn: $d}, first: 100) { totalCount edges { node { id symbol issuedOn title } } } }`,
  inEffectSameDate: `query InEffect($d: Date!) { documents(filter: {inEffectOn: $d}, first: 100) { totalCount edges { node { id symbol issuedOn title } } } }`,
};

const RELATION_FIELDS = ['supersedes', 'amends', 'implements', 'guides', 'basedOn', 'cites'];
const PEER_RELATIONS = RELATION_FIELDS.map((f) => `${f} { ${TARGET} }`).join(' ');
const PEER_EVIDENCE = 'outgoingEvidence { type to quote start end }';

function nested(depth: number): string {
  return depth === 0 ? '' : `supersedes { id symbol issuedOn ${nested(depth - 1)} }`;
}

const PEER: Record<ScenarioName, string> = {
  document: `query Doc($id: String!) { documents(where: {id: {eq: $id}}) { id symbol type issuer issuedOn title ${PEER_RELATIONS} ${PEER_EVIDENCE} } }`,
  page20: `query Page($after: String!) { documents(where: {id: {gt: $after}, ambiguous: {eq: false}}, sort: [{id: ASC}], limit: 20) {
    id symbol type issuedOn title ${PEER_RELATIONS} ${PEER_EVIDENCE} } }`,
  chain20: `query Chain($id: String!) { documents(where: {id: {eq: $id}}) { id symbol issuedOn ${nested(20)} } }`,
  inEffect: `query InEffect($where: DocumentWhere!) { documentsConnection(where: $where, first: 100, sort: [{id: ASC}]) {
    totalCount edges { node { id symbol issuedOn title } } } }`,
  inEffectSameDate: `query InEffect($where: DocumentWhere!) { documentsConnection(where: $where, first: 100, sort: [{id: ASC}]) {
    totalCount edges { node { id symbol issuedOn title } } } }`,
};

/** Our inEffectOn predicate (domain/effect.ts, as the Neo4j store writes it), as the peer's where input. */
export function peerInEffectWhere(date: string): Record<string, unknown> {
  const filters = statusPredicate(IN_EFFECT_VALUES, date).map((f) => ({
    OR: f.windows.map((w) => ({
      AND: [
        ...(w.from ? [{ [TIMELINE_PROPERTY[w.from]]: { lte: f.on } }] : []),
        ...(w.until ? [{ OR: [{ [TIMELINE_PROPERTY[w.until]]: { eq: null } }, { [TIMELINE_PROPERTY[w.until]]: { gt: f.on } }] }] : []),
      ],
    })),
  }));
  return { ambiguous: { eq: false }, AND: filters };
}

/** Request body number i of a scenario, for our API or the peer. */
export function body(side: 'ours' | 'peer', scenario: ScenarioName, pools: Pools, i: number): string {
  const id = pools.docIds[i % pools.docIds.length];
  const chain = pools.chainIds[i % Math.max(1, pools.chainIds.length)];
  const date = scenario === 'inEffectSameDate' ? pools.dates[0] : pools.dates[i % pools.dates.length];
  let variables: Record<string, unknown>;
  if (scenario === 'document') variables = { id };
  else if (scenario === 'chain20') variables = { id: chain };
  else if (scenario === 'page20') variables = { after: side === 'ours' ? encodeCursor({ id }) : id };
  else variables = side === 'ours' ? { d: date } : { where: peerInEffectWhere(date) };
  return JSON.stringify({ query: (side === 'ours' ? OURS : PEER)[scenario], variables });
}
