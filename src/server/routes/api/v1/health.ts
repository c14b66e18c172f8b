import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';
import { checkDatabase } from '../../../db/repositories/health-repository.js';
import { findTown } from '../../../db/repositories/town-repository.js';

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ dialect: z.enum(['sqlite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  profile: z.object({ townCode: z.string(), townName: z.string().nullable(), hash: z.string().nullable() }),
  uptimeSeconds: z.number(),
});

export async function healthRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查 Health: database, version, profile', response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      const db = await checkDatabase(ctx.database);
      const town = db.ok ? await findTown(ctx.database.db, ctx.townId) : null;
      const body = {
        status: db.ok ? ('ok' as const) : ('degraded' as const),
        version: ctx.version,
        database: { dialect: ctx.database.dialect, ok: db.ok, latencyMs: db.latencyMs },
        profile: { townCode: ctx.townId, townName: town?.name ?? null, hash: town?.profile_hash ?? null },
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply.code(db.ok ? 200 : 503).send(body);
    },
  );
}
