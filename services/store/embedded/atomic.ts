// Every file the embedded store writes appears whole or not at all.
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write a file atomically: temp name, fsync, rename, fsync the folder. */
export async function writeAtomic(file: string, write: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const out = createWriteStream(tmp);
  try {
    await write(out);
    out.end();
    await once(out, 'finish');
    const handle = await fs.open(tmp, 'r+');
    await handle.sync();
    await handle.close();
    await fs.rename(tmp, file);
    await fsyncDir(path.dirname(file));
  } catch (err) {
    out.destroy();
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Write chunks in order, waiting whenever the stream asks to drain. */
export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<Uint8Array>): Promise<void> {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}
