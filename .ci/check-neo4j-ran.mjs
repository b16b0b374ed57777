// Fails unless every test in a Neo4j test file ran and passed (none skipped).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const neo4jFiles = report.testResults.filter((f) => /neo4j/i.test(f.name));
const tests = neo4jFiles.flatMap((f) => f.assertionResults);
const ran = tests.filter((t) => t.status === 'passed');
const skipped = tests.filter((t) => t.status !== 'passed');
console.log(`Neo4j test files: ${neo4jFiles.length}, tests passed: ${ran.length}, not passed: ${skipped.length}`);
if (!neo4jFiles.length || !ran.length || skipped.length) {
  for (const t of skipped) console.log(`  ${t.status}: ${t.fullName}`);
  console.error('the Neo4j suites did not all run against the real server');
  process.exit(1);
}
