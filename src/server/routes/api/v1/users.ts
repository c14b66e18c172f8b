/** Accounts: list, create, change (role/scope, active, unlock). System and security administrators, per policy. */
import { z } from 'zod';
import { createUserBody, noQuery, updateUserBody, userDto, userIdParams, usersQuery } from '../../../../contracts/identity.js';
import { authorize } from '../../../auth/authorize.js';
import { auditActorOf } from '../../../commands/record-audit.js';
import { createUser } from '../../../commands/create-user.js';
import { permissionsForUserPatch, updateUser } from '../../../commands/update-user.js';
import type { AppContext } from '../../../context.js';
import { listUsers } from '../../../db/repositories/user-repository.js';
import { presentUser } from '../../../presenters/identity.js';
import type { Api } from '../../api-instance.js';

const tags = ['users'];
const smallBody = 16_384;

export async function userRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/users',
    { schema: { tags, summary: '用户列表 Accounts of the town (no secrets)', querystring: usersQuery, response: { 200: z.array(userDto) } } },
    async (request) => {
      await authorize(request, 'read', 'users');
      const { role, active } = request.query;
      const rows = await listUsers(ctx.database.db, ctx.townId, { role, active: active === undefined ? undefined : active === 'true' });
      const now = ctx.clock.now();
      return rows.map((r) => presentUser(r, now));
    },
  );

  api.post(
    '/users',
    {
      bodyLimit: smallBody,
      schema: {
        tags,
        summary: '创建用户 Create an account bound to a person, with a role and its station/department scope',
        querystring: noQuery,
        body: createUserBody,
        response: { 201: userDto },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'create', 'users');
      const row = await createUser(ctx, request.body, { actor: auditActorOf(actor), ip: request.ip });
      return reply.code(201).send(presentUser(row, ctx.clock.now()));
    },
  );

  api.patch(
    '/users/:id',
    {
      bodyLimit: smallBody,
      schema: {
        tags,
        summary: '修改用户 Change an account: name/binding/active (system admin), role and scope, unlock (system or security admin)',
        params: userIdParams,
        querystring: noQuery,
        body: updateUserBody,
        response: { 200: userDto },
      },
    },
    async (request) => {
      const needed = permissionsForUserPatch(request.body);
      let actor = await authorize(request, needed[0] ?? 'update', 'users');
      for (const action of needed.slice(1)) actor = await authorize(request, action, 'users');
      const row = await updateUser(ctx, actor, request.params.id, request.body, request.ip);
      return presentUser(row, ctx.clock.now());
    },
  );
}
