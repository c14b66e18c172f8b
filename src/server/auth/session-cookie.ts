/** The session cookie: httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over https. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookieName = 'cityops_session';

/** request.protocol honours x-forwarded-proto because the app trusts its reverse proxy (trustProxy). */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** A browser-session cookie (no Max-Age): the server decides when the session ends. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName, token, { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: isHttps(request), path: '/' });
}
