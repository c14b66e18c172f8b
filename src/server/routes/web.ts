/** Serves the built web app (dist/web) on the same port; a single-page app falls back to index.html. */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../context.js';

export async function registerWeb(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const index = path.join(ctx.config.webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: ctx.config.webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
