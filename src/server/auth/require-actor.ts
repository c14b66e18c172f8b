/** The guard every non-public route starts with: 401 problem+json when nobody is signed in. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/actor.js';
import { problems } from '../http/problem.js';
import { authProblems } from './auth-problems.js';

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  if (request.authFailure === 'session_expired') throw authProblems.sessionExpired();
  throw problems.unauthenticated();
}
