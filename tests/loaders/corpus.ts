// Shared test helpers: the sample corpus and the gold, read from the project's own copies.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'graph-loaders/sample-corpus');
export const OWN_TEXTS = path.join(ROOT, 'tests/fixtures/loader-texts');
export const GOLD = path.join(ROOT, 'tests/fixtures/seeds.gold.jsonl');
export const SCORER = path.join(ROOT, 'tests/fixtures/score_extraction.py');

export function sampleFiles(): string[] {
  return readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
}

export function sample(name: string): string {
  return readFileSync(path.join(SAMPLES, name), 'utf8');
}

export function ownText(name: string): string {
  return readFileSync(path.join(OWN_TEXTS, name), 'utf8');
}

export function ownTextFiles(): string[] {
  return readdirSync(OWN_TEXTS).filter((f) => f.endsWith('.txt')).sort();
}
