/**
 * 导出 Excel: the case list for the same filters and the same scope as GET /cases, streamed as an
 * xlsx while the list is read by cursor in batches (never all rows in memory). Over the cap the
 * export is refused before anything is sent; every export leaves an audit row (bulk data leaving
 * the platform).
 */
import type { Writable } from 'node:stream';
import type { CaseExportQuery } from '../../contracts/cases.js';
import type { Actor } from '../../domain/access/index.js';
import type { AppContext } from '../context.js';
import { countMatchingCases, listCases } from '../db/repositories/case-list-repository.js';
import { Problem } from '../http/problem.js';
import { presentCaseSummary } from '../presenters/case.js';
import { auditActorOf, recordAudit } from '../commands/record-audit.js';
import { beijingCellDate, openCaseWorkbook } from './case-workbook.js';
import { caseFilterOf, caseScopeFor } from './list-cases.js';

/** The most rows one export writes; narrow the filters for more. */
export const exportRowCap = 100_000;

export interface CaseExport {
  /** 案件清单-20260309-0900.xlsx (Beijing time) */
  fileName: string;
  rows: number;
  /** writes the workbook to `out` and records the export; resolves with the rows written */
  writeTo(out: Writable): Promise<number>;
}

function fileNameAt(now: Date): string {
  const t = beijingCellDate(now.toISOString()).toISOString();
  return `案件清单-${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 16).replace(':', '')}.xlsx`;
}

export async function prepareCaseExport(ctx: AppContext, actor: Actor, query: CaseExportQuery, options: { maxRows?: number; batchSize?: number; ip?: string } = {}): Promise<CaseExport> {
  const maxRows = options.maxRows ?? exportRowCap;
  const batchSize = options.batchSize ?? 500;
  const { town, scope } = await caseScopeFor(ctx, actor);
  const filter = caseFilterOf(ctx, query, actor);
  const rows = await countMatchingCases(ctx.database.db, ctx.townId, scope, filter, maxRows);
  if (rows > maxRows) {
    throw new Problem(
      422,
      'EXPORT_TOO_LARGE',
      { zh: `导出超过 ${maxRows} 条的上限，请缩小筛选范围后再导出`, en: `The export exceeds ${maxRows} rows; narrow the filters` },
      [],
      { maxRows },
    );
  }
  const now = ctx.clock.now();
  return {
    fileName: fileNameAt(now),
    rows,
    async writeTo(out) {
      const sheet = openCaseWorkbook(out);
      let written = 0;
      let after: { createdAt: string; id: string } | undefined;
      while (written < maxRows && !out.destroyed) {
        const batch = await listCases(ctx.database.db, ctx.townId, scope, filter, { limit: Math.min(batchSize, maxRows - written), after });
        for (const row of batch) sheet.add(presentCaseSummary(row, town, ctx.cipher, now));
        written += batch.length;
        const last = batch[batch.length - 1];
        if (!last || batch.length < batchSize) break;
        after = { createdAt: last.created_at, id: last.id };
      }
      await sheet.finish();
      await recordAudit(ctx, { actor: auditActorOf(actor), action: 'cases.export', outcome: 'success', resourceType: 'case', ip: options.ip ?? null, detail: { filters: query, rows: written } });
      return written;
    },
  };
}
