// `load <dir> --chunk n` into the embedded store at DATA_DIR, folding the journal into a new
// snapshot after every commit: the crash test kills this one to land kills inside snapshot writes.
import { loadPaths } from '../../../graph-loaders/load.js';
import { EmbeddedStore } from '../../../services/store/embedded/index.js';

const [dir, , chunk] = process.argv.slice(2);
const store = await EmbeddedStore.open({ dataDir: process.env.DATA_DIR!, compactBytes: 1 });
const summary = await loadPaths([dir], store, { chunkSize: Number(chunk) });
await store.close();
process.stdout.write(`loaded ${summary.documents} documents, ${summary.errors.length} errors\n`);
