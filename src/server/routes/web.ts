/**
 * Serves the built web app (dist/web) on the same port. Files are looked up on each request (a
 * rebuild is served without a restart); hashed assets are cached for good, index.html is revalidated.
 * Any other GET outside /api that wants HTML gets index.html, so the single-page app's routes work on reload.
 * /sw.js and /manifest.webmanifest (the inspector's PWA) are files like any other: served with their own
 * types, never swallowed by that fallback, and always revalidated so a new build is picked up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../context.js';

export async function registerWeb(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!fs.existsSync(path.join(ctx.config.webDir, 'index.html'))) return;
  const assets = `${path.sep}assets${path.sep}`;
  await app.register(fastifyStatic, {
    root: ctx.config.webDir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // the build names every asset by its content hash: a browser keeps it without asking again;
    // index.html (which names them), the service worker and the manifest are revalidated on every load
    setHeaders: (reply: FastifyReply, file: string) => {
      if (file.includes(assets)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else if (file.endsWith(`${path.sep}sw.js`) || file.endsWith('.webmanifest')) reply.header('cache-control', 'no-cache');
    },
  });
}

/** For the not-found handler: an SPA route (a GET for HTML outside /api) is answered with index.html. */
export function isAppRoute(request: FastifyRequest, ctx: AppContext): boolean {
  return (
    request.method === 'GET' &&
    !request.url.startsWith('/api/') &&
    (request.headers.accept ?? '').includes('text/html') &&
    fs.existsSync(path.join(ctx.config.webDir, 'index.html'))
  );
}

export function sendApp(reply: FastifyReply): FastifyReply {
  return reply.type('text/html; charset=utf-8').sendFile('index.html');
}
