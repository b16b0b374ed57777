// Fails unless the Neo4j suites ran and passed, and nothing at all was skipped: CI has Neo4j,
// Chromium, Tesseract, Python and docker-compose, so a skip here means a suite silently did not run.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const all = report.testResults.flatMap((f) => f.assertionResults.map((t) => ({ ...t, file: f.name })));
const neo4j = all.filter((t) => /neo4j/i.test(t.file) || /neo4j/i.test(t.fullName));
const notPassed = all.filter((t) => t.status !== 'passed');
console.log(`tests: ${all.length}, of which Neo4j: ${neo4j.length}; not passed: ${notPassed.length}`);
for (const t of notPassed) console.log(`  ${t.status}: ${t.fullName} (${t.file})`);
if (!neo4j.length || neo4j.some((t) => t.status !== 'passed') || notPassed.length) {
  console.error('CI needs every suite, the Neo4j ones included, to run and pass');
  process.exit(1);
}
