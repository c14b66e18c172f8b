/**
 * 导出 Excel: GET /cases/export.xlsx with the list's filters, saved as a download under the file
 * name the server gives (RFC 5987 filename*). A refusal (400, 403, 422 over the cap) is an ApiError.
 */
import type { CaseListParams } from './cases.js';
import { request } from './client.js';
import { toApiError } from './problem.js';

/** The file name of a Content-Disposition header: filename* (UTF-8) first, then filename. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export interface ExportedFile {
  fileName: string;
  bytes: number;
}

export async function downloadCaseExport(params: CaseListParams): Promise<ExportedFile> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'cursor' && k !== 'limit' && k !== 'withTotal') query.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(`/api/v1/cases/export.xlsx?${query.toString()}`, { credentials: 'same-origin', headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' } });
  } catch {
    throw toApiError(0, null);
  }
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON: keep the text
    }
    // a 401 goes through the client so the app's session-ended handler runs as usual
    if (res.status === 401) await request('/session').catch(() => undefined);
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const fileName = fileNameOf(res.headers.get('content-disposition'), 'cases.xlsx');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, bytes: blob.size };
}
