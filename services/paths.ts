// Files that ship with the project (schema, sample corpus, explorer), found from the code's own
// location, so the same lookup works from sources (tests) and from dist/ (npm start).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schema'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the project root (package.json beside schema/)');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
export const SAMPLE_CORPUS_DIR = path.join(PROJECT_ROOT, 'graph-loaders', 'sample-corpus');
export const EXPLORER_DIR = path.join(PROJECT_ROOT, 'services', 'explorer');

/** Browser libraries the explorer loads as plain files. */
export const VENDOR_DIRS = {
  cytoscape: path.join(PROJECT_ROOT, 'node_modules', 'cytoscape', 'dist'),
};
