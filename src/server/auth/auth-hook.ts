/**
 * Resolves `request.actor` for every /api request, from an API key (Authorization: Bearer) or the
 * session cookie. Routes then call requireActor / authorize; nothing here refuses a request except
 * a presented-but-invalid API key (a machine client must learn at once that its key is wrong).
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../domain/access/actor.js';
import type { AppContext } from '../context.js';
import { resolveApiKey, resolveSession } from './resolve-actor.js';
import { sessionCookieName } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user or API key; null when anonymous */
    actor: Actor | null;
    /** the session (id = the token's hash) when the actor came from a session cookie */
    session: { id: string; expiresAt: string } | null;
    /** why a presented session was not accepted, for a precise 401 */
    authFailure: 'session_expired' | null;
    /** the app context, for authorize() to write audit rows */
    authContext: AppContext | null;
  }
}

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('authFailure', null);
  app.decorateRequest('authContext', null);
  app.addHook('onRequest', async (request) => {
    request.authContext = ctx;
    // only the API has identities; the web app's static files are public
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.actor = await resolveApiKey(ctx, authorization, request.ip);
      return;
    }
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    const resolved = await resolveSession(ctx, token, request.ip);
    switch (resolved.kind) {
      case 'ok':
        request.actor = resolved.actor;
        request.session = resolved.session;
        return;
      case 'expired':
        request.authFailure = 'session_expired';
        return;
      case 'none':
        return;
    }
  });
}
