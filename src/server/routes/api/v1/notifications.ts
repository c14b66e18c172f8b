/** In-app notifications of the signed-in caller: list (unread first), mark one read, mark all read. */
import { noQuery } from '../../../../contracts/identity.js';
import { notificationDto, notificationIdParams, notificationPageDto, notificationsQuery, readAllDto } from '../../../../contracts/notifications.js';
import { requireActor } from '../../../auth/require-actor.js';
import type { AppContext } from '../../../context.js';
import { findNotificationFor, markRead } from '../../../db/repositories/notification-repository.js';
import { problems } from '../../../http/problem.js';
import { listInbox } from '../../../notifications/list-inbox.js';
import { recipientsOf } from '../../../notifications/recipients-of.js';
import { presentNotification } from '../../../presenters/notification.js';
import type { Api } from '../../api-instance.js';
import type { FastifyRequest } from 'fastify';

const tags = ['notifications'];

export async function notificationRoutes(api: Api, ctx: AppContext): Promise<void> {
  // every notification is addressed to someone: the caller reads only what is addressed to them
  const recipients = async (request: FastifyRequest) => recipientsOf(requireActor(request), await ctx.town.current());

  api.get(
    '/notifications',
    { schema: { tags, summary: '我的通知 My notifications: my own, my unit’s, my station’s and my role’s; unread first', querystring: notificationsQuery, response: { 200: notificationPageDto } } },
    async (request) => {
      const page = await listInbox(ctx, await recipients(request), request.query);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unread: page.unread };
    },
  );

  api.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记已读 Mark one notification read', params: notificationIdParams, querystring: noQuery, response: { 200: notificationDto } } },
    async (request) => {
      const mine = await recipients(request);
      const id = Number(request.params.id);
      await markRead(ctx.database.db, ctx.townId, mine, [id], ctx.clock.now().toISOString());
      const row = await findNotificationFor(ctx.database.db, ctx.townId, mine, id);
      if (!row) throw problems.notFound({ zh: '没有这条通知', en: 'No such notification' });
      return presentNotification(row);
    },
  );

  api.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标记已读 Mark all my notifications read', querystring: noQuery, response: { 200: readAllDto } } },
    async (request) => ({ marked: await markRead(ctx.database.db, ctx.townId, await recipients(request), null, ctx.clock.now().toISOString()) }),
  );
}
