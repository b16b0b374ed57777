// The Node flags `npm run load` gives the loader (package.json's "load" script), so that the bench
// loads as a user's load does and the two cannot drift apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The flags between `node` and the script in a checkout's "load" script, e.g. ['--max-semi-space-size=64']. */
export function loadFlags(root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts.load.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`${root}/package.json: the load script does not start with node`);
  return words.slice(1).filter((w) => w.startsWith('--'));
}
