/**
 * A file the server makes (导出 Excel): GET it with the session cookie and save it as a download
 * under the name the server gives (RFC 5987 filename*). A refusal (400, 403, 422) is an ApiError.
 */
import { request } from './client.js';
import { toApiError } from './problem.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/** Downloads /api/v1{path}?{query} as an xlsx file; `fallback` names it when the server does not. */
export async function downloadXlsx(path: string, query: URLSearchParams, fallback: string): Promise<ExportedFile> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}?${query.toString()}`, { credentials: 'same-origin', headers: { accept: `${xlsxType}, application/problem+json` } });
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
  const fileName = fileNameOf(res.headers.get('content-disposition'), fallback);
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
