/**
 * The declarative policy applied to a request: 401 without an actor, 403 problem+json naming the
 * missing permission otherwise; a refused privileged action leaves an audit row ('access.denied').
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/actor.js';
import { can, type AccessTarget } from '../../domain/access/can.js';
import { isPrivileged, type ActionOf, type Resource } from '../../domain/access/policy.js';
import { auditActorOf, recordAudit } from '../commands/record-audit.js';
import { authProblems } from './auth-problems.js';
import { requireActor } from './require-actor.js';

export async function authorize<R extends Resource>(request: FastifyRequest, action: ActionOf<R>, resource: R, target?: AccessTarget): Promise<Actor> {
  const actor = requireActor(request);
  const decision = can(actor, action, resource, target);
  if (decision.allowed) return actor;
  if (isPrivileged(resource, action) && request.authContext) {
    await recordAudit(request.authContext, {
      actor: auditActorOf(actor),
      action: 'access.denied',
      outcome: 'denied',
      resourceType: resource,
      resourceId: target?.userId ?? null,
      ip: request.ip,
      detail: { permission: decision.permission, reason: decision.code, method: request.method, url: request.url.split('?')[0] },
    });
  }
  throw authProblems.forbidden(decision);
}
