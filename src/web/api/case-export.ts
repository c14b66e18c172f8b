/** 导出 Excel: GET /cases/export.xlsx with the list's filters (the paging parameters left out). */
import type { CaseListParams } from './cases.js';
import { downloadXlsx, type ExportedFile } from './download.js';

export { fileNameOf, type ExportedFile } from './download.js';

export function downloadCaseExport(params: CaseListParams): Promise<ExportedFile> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'cursor' && k !== 'limit' && k !== 'withTotal') query.set(k, String(v));
  return downloadXlsx('/cases/export.xlsx', query, 'cases.xlsx');
}
