/**
 * The server's RFC 9457 problem+json (src/server/http/problem.ts) as a typed error the pages can
 * show: a stable code, a Chinese and an English message, and the offending fields.
 */
import type { Bilingual, FieldError } from '../../contracts/problem.js';

export type { Bilingual };
export type FieldProblem = FieldError;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fieldErrors: FieldProblem[] = [],
    /** extension members of the problem (e.g. lockedUntil) */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'ApiError';
  }

  /** The message in the console's language. */
  messageIn(locale: string): string {
    return locale.startsWith('zh') ? this.text.zh : this.text.en;
  }
}

function isBilingual(v: unknown): v is Bilingual {
  return typeof v === 'object' && v !== null && typeof (v as Bilingual).zh === 'string' && typeof (v as Bilingual).en === 'string';
}

function fieldProblems(v: unknown): FieldProblem[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { field, message } = e as { field?: unknown; message?: unknown };
    return typeof field === 'string' && isBilingual(message) ? [{ field, message }] : [];
  });
}

/** Messages for answers that are not problem+json (a proxy page, a dropped connection). */
function fallbackText(status: number): Bilingual {
  if (status === 0) return { zh: '无法连接服务器，请检查网络', en: 'Cannot reach the server; check the network' };
  if (status === 401) return { zh: '请先登录', en: 'Please sign in' };
  if (status === 403) return { zh: '无权访问', en: 'Access denied' };
  if (status === 404) return { zh: '没有找到', en: 'Not found' };
  if (status >= 500) return { zh: `服务器错误（${status}）`, en: `Server error (${status})` };
  return { zh: `请求失败（${status}）`, en: `Request failed (${status})` };
}

/** Builds the typed error from a response body, whatever it turned out to be. */
export function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, errors, ...rest } = body as Record<string, unknown>;
    if (typeof code === 'string' && isBilingual(message)) {
      const extra: Record<string, unknown> = { ...rest };
      return new ApiError(status, code, message, fieldProblems(errors), extra);
    }
  }
  return new ApiError(status, status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`, fallbackText(status));
}
