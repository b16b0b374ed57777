// Indexes, created idempotently at start by services/store/neo4j/schema.ts.
CREATE INDEX document_symbol_key IF NOT EXISTS FOR (d:Document) ON (d.symbolKey);
// "#<number>": how a short form ("Nghị quyết số 35 của Quốc hội") finds its full symbol
CREATE INDEX document_number_key IF NOT EXISTS FOR (d:Document) ON (d.numberKey);
CREATE INDEX document_updated_at IF NOT EXISTS FOR (d:Document) ON (d.updatedAt);
CREATE INDEX document_issued_on IF NOT EXISTS FOR (d:Document) ON (d.issuedOn);
CREATE INDEX file_document IF NOT EXISTS FOR (f:File) ON (f.id);
CREATE INDEX evidence_from IF NOT EXISTS FOR (e:Evidence) ON (e.from);
CREATE INDEX evidence_to IF NOT EXISTS FOR (e:Evidence) ON (e.to);
CREATE INDEX evidence_source IF NOT EXISTS FOR (e:Evidence) ON (e.source);
CREATE INDEX evidence_relation IF NOT EXISTS FOR (e:Evidence) ON (e.from, e.to, e.type);
CREATE INDEX evidence_to_ref IF NOT EXISTS FOR (e:Evidence) ON (e.toRefKey);
CREATE INDEX evidence_from_ref IF NOT EXISTS FOR (e:Evidence) ON (e.fromRefKey);
CREATE INDEX evidence_to_ref_local IF NOT EXISTS FOR (e:Evidence) ON (e.toRefLocal);
CREATE INDEX evidence_from_ref_local IF NOT EXISTS FOR (e:Evidence) ON (e.fromRefLocal);
// Search: symbol, type, title and issuer (searchHead, pre-folded) rank above the body.
CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (d:Document) ON EACH [d.searchHead, d.body] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// The effect timeline (domain/effect.ts): status on a date is a comparison of these, and a count
// of it is a difference of two range counts over them.
CREATE INDEX document_since_issued IF NOT EXISTS FOR (d:Document) ON (d.sinceIssued);
CREATE INDEX document_since_effective IF NOT EXISTS FOR (d:Document) ON (d.sinceEffective);
CREATE INDEX document_since_partly IF NOT EXISTS FOR (d:Document) ON (d.sincePartly);
CREATE INDEX document_since_ended IF NOT EXISTS FOR (d:Document) ON (d.sinceEnded);
CREATE INDEX document_since_superseded IF NOT EXISTS FOR (d:Document) ON (d.sinceSuperseded);
CREATE INDEX document_since_expired IF NOT EXISTS FOR (d:Document) ON (d.sinceExpired);
// Stats without a scan: documents by type, stubs, and the ambiguous placeholders left out of both.
CREATE INDEX document_type IF NOT EXISTS FOR (d:Document) ON (d.type);
CREATE INDEX document_stub IF NOT EXISTS FOR (d:Document) ON (d.stub);
CREATE INDEX document_ambiguous IF NOT EXISTS FOR (d:Document) ON (d.ambiguous);
// The type filter (folded): a list of one type, and its count, read that type's documents only.
CREATE INDEX document_type_key IF NOT EXISTS FOR (d:Document) ON (d.typeKey);
