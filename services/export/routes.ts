// Export downloads next to GraphQL: public reads, streamed a page at a time, at most a few at
// once (a further one gets 503 and Retry-After), so an export never holds the graph in memory.
//   GET /export/documents.csv | relations.csv | curations.csv | graph.graphml | neo4j.cypher
//   GET /export/eli.jsonld[?id=…]   GET /export/eli/<id>.jsonld   GET /export/eli-context.jsonld
// ?asOf=YYYY-MM-DD sets the date statuses are computed on (default: today).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isIsoDate, today } from '../domain/dates.js';
import type { Store } from '../store/port.js';
import { ELI_CONTEXT } from './eli.js';
import { EXPORT_FORMATS, exportFormat, type ExportFormat } from './index.js';

export interface ExportRoutesOptions {
  store: Store;
  /** Exports running at once (default 2). */
  concurrency?: number;
}

type Query = { asOf?: string; id?: string };

export async function exportRoutes(app: FastifyInstance, options: ExportRoutesOptions): Promise<void> {
  const { store } = options;
  const limit = options.concurrency ?? 2;
  let running = 0;

  function start(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, format: ExportFormat, id?: string) {
    const asOf = request.query.asOf ?? today();
    if (!isIsoDate(asOf)) return reply.code(400).send({ error: `asOf is not a date (YYYY-MM-DD): ${String(asOf).slice(0, 40)}` });
    if (running >= limit) return reply.code(503).header('retry-after', '5').send({ error: `${limit} exports are running; try again shortly` });
    running++;
    const abort = new AbortController();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      running--;
      abort.abort();
    };
    const body = Readable.from(format.write(store, { asOf, id, signal: abort.signal }), { objectMode: false, highWaterMark: 1 });
    body.on('end', finish);
    body.on('close', finish);
    request.raw.on('close', () => {
      if (!reply.raw.writableFinished) body.destroy();
    });
    const file = id !== undefined ? `${id.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.jsonld` : format.file;
    return reply
      .type(format.contentType)
      .header('content-disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  for (const format of EXPORT_FORMATS) {
    app.get<{ Querystring: Query }>(`/export/${format.file}`, async (request, reply) => {
      const id = format.name === 'eli' ? request.query.id : undefined;
      if (id !== undefined && !(await store.getDocuments([id]))[0]) return reply.code(404).send({ error: `no document with id ${id.slice(0, 200)}` });
      return start(request, reply, format, id);
    });
  }

  app.get<{ Params: { id: string }; Querystring: Query }>('/export/eli/:id', async (request, reply) => {
    const id = request.params.id.replace(/\.jsonld$/, '');
    if (!(await store.getDocuments([id]))[0]) return reply.code(404).send({ error: `no document with id ${id.slice(0, 200)}` });
    return start(request, reply, exportFormat('eli')!, id);
  });

  app.get('/export/eli-context.jsonld', async (_request, reply) => reply.type('application/ld+json; charset=utf-8').send({ '@context': ELI_CONTEXT }));
}
