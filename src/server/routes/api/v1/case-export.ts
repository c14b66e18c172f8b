/** GET /cases/export.xlsx: the filtered case list as a spreadsheet (same filters and scope as GET /cases). */
import { PassThrough } from 'node:stream';
import { caseExportQuery } from '../../../../contracts/cases.js';
import { requireActor } from '../../../auth/require-actor.js';
import { prepareCaseExport } from '../../../cases/export-cases.js';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback name and the real (Chinese) name percent-encoded in UTF-8. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export async function caseExportRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/cases/export.xlsx',
    {
      schema: {
        tags: ['cases'],
        summary: '导出 Excel Export the filtered case list as xlsx (the list’s filters and the caller’s scope; reporters masked; at most 100 000 rows)',
        description: `Answers ${xlsxMediaType}, streamed. Over the cap: 422 EXPORT_TOO_LARGE. Every export is audited (cases.export).`,
        querystring: caseExportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const exported = await prepareCaseExport(ctx, actor, request.query, { ip: request.ip });
      const body = new PassThrough();
      exported.writeTo(body).catch((err: unknown) => {
        request.log.error({ err }, 'case export failed after the response started');
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(xlsxMediaType)
        .header('content-disposition', attachmentDisposition(exported.fileName, exported.fileName.replace(/^案件清单/, 'cases')))
        .header('cache-control', 'no-store')
        .header('x-total-count', String(exported.rows))
        .send(body);
    },
  );
}
