/** The audit log, newest first with cursor paging: auditors and the security administrator (not the system administrator). */
import { auditPageDto, auditQuery } from '../../../../contracts/identity.js';
import { authorize } from '../../../auth/authorize.js';
import { auditActorOf, recordAudit } from '../../../commands/record-audit.js';
import type { AppContext } from '../../../context.js';
import { listAuditRows } from '../../../db/repositories/audit-repository.js';
import { presentAuditRow } from '../../../presenters/identity.js';
import type { Api } from '../../api-instance.js';

export async function auditRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit log: who, when, what, outcome (filters; pass nextCursor as cursor for the next page)',
        querystring: auditQuery,
        response: { 200: auditPageDto },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'read', 'audit');
      const { cursor, limit, from, to, ...filters } = request.query;
      const rows = await listAuditRows(
        ctx.database.db,
        ctx.townId,
        {
          ...filters,
          from: from ? new Date(from).toISOString() : undefined,
          to: to ? new Date(to).toISOString() : undefined,
          beforeId: cursor ? Number(cursor) : undefined,
        },
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      // reading the log is itself recorded: auditors are audited too
      await recordAudit(ctx, { actor: auditActorOf(actor), action: 'audit.read', outcome: 'success', resourceType: 'audit', ip: request.ip, detail: { query: request.query, returned: page.length } });
      return { items: page.map(presentAuditRow), nextCursor: rows.length > limit && last ? String(last.id) : null };
    },
  );
}
