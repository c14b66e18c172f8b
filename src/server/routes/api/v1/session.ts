/** POST /session logs in, GET /session says who I am, DELETE /session logs out. */
import { z } from 'zod';
import { loginBody, noQuery, sessionDto } from '../../../../contracts/identity.js';
import type { Actor } from '../../../../domain/access/actor.js';
import { requireActor } from '../../../auth/require-actor.js';
import { clearSessionCookie, setSessionCookie } from '../../../auth/session-cookie.js';
import { logIn } from '../../../commands/log-in.js';
import { logOut } from '../../../commands/log-out.js';
import type { AppContext } from '../../../context.js';
import { findUserById } from '../../../db/repositories/user-repository.js';
import { actorOfUser } from '../../../auth/actor-of.js';
import { presentActor } from '../../../presenters/identity.js';
import type { Api } from '../../api-instance.js';

const tags = ['session'];
/** a login body is two short strings; anything bigger is refused before parsing */
const smallBody = 4096;

export async function sessionRoutes(api: Api, ctx: AppContext): Promise<void> {
  const displayNameOf = async (actor: Actor) =>
    actor.kind === 'user' ? ((await findUserById(ctx.database.db, ctx.townId, actor.id))?.display_name ?? actor.username) : actor.username;

  api.post(
    '/session',
    {
      bodyLimit: smallBody,
      schema: {
        tags,
        summary: '登录 Log in with username and password (sets the httpOnly session cookie)',
        description: 'The 5th consecutive failure locks the account for 15 minutes (423 ACCOUNT_LOCKED, even with the right password).',
        querystring: noQuery,
        body: loginBody,
        response: { 200: sessionDto },
      },
    },
    async (request, reply) => {
      const previous = request.session && request.actor ? { sessionId: request.session.id, actor: request.actor } : null;
      const result = await logIn(ctx, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      // a browser that logs in again (perhaps as someone else) leaves no live session behind
      if (previous) await logOut(ctx, { ...previous, ip: request.ip });
      setSessionCookie(request, reply, result.token);
      return {
        actor: presentActor(actorOfUser(result.user), result.user.display_name),
        session: { expiresAt: result.expiresAt, idleMinutes: ctx.config.sessionIdleMinutes },
      };
    },
  );

  api.get(
    '/session',
    { schema: { tags, summary: '当前用户 Who am I: the signed-in user or API key, with its permissions', querystring: noQuery, response: { 200: sessionDto } } },
    async (request) => {
      const actor = requireActor(request);
      return { actor: presentActor(actor, await displayNameOf(actor)), session: request.session ? { expiresAt: request.session.expiresAt, idleMinutes: ctx.config.sessionIdleMinutes } : null };
    },
  );

  api.delete(
    '/session',
    { schema: { tags, summary: '退出登录 Log out: ends the session and clears the cookie', querystring: noQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.session) await logOut(ctx, { sessionId: request.session.id, actor, ip: request.ip });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
}
