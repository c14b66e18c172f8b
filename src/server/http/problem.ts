/**
 * RFC 9457 problem details with a stable code and a Chinese and English message (DESIGN D2).
 * Commands throw Problem; the error handler renders it. Never a stack trace to a client.
 */
import type { Bilingual, FieldError, ProblemBody } from '../../contracts/problem.js';

export type { Bilingual, FieldError, ProblemBody };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fieldErrors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'Problem';
  }
}

export function problemBody(p: Problem, instance?: string): ProblemBody {
  return {
    ...p.extra,
    type: `/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
    title: p.text.en,
    status: p.status,
    code: p.code,
    detail: p.fieldErrors.length > 0 ? p.fieldErrors.map((e) => `${e.field}: ${e.message.en}`).join('; ') : p.text.en,
    message: p.text,
    errors: p.fieldErrors,
    ...(instance ? { instance } : {}),
  };
}

/** The common problems, so every route speaks the same codes. */
export const problems = {
  validation: (errors: FieldError[]) =>
    new Problem(400, 'VALIDATION_FAILED', { zh: '请求内容不符合要求', en: 'The request is not valid' }, errors),
  malformedJson: () =>
    new Problem(400, 'MALFORMED_JSON', { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }, [
      { field: 'body', message: { zh: '无法解析的 JSON', en: 'unparseable JSON' } },
    ]),
  tooLarge: (limitBytes: number) =>
    new Problem(413, 'PAYLOAD_TOO_LARGE', { zh: `请求体超过 ${limitBytes} 字节上限`, en: `The request body exceeds ${limitBytes} bytes` }, [
      { field: 'body', message: { zh: '内容过大', en: 'too large' } },
    ]),
  unsupportedMediaType: (type: string) =>
    new Problem(415, 'UNSUPPORTED_MEDIA_TYPE', { zh: `不支持的内容类型 ${type}`, en: `Unsupported content type ${type}` }, [
      { field: 'content-type', message: { zh: '请使用 application/json', en: 'use application/json' } },
    ]),
  notFound: (what: Bilingual) => new Problem(404, 'NOT_FOUND', what),
  routeNotFound: () => new Problem(404, 'ROUTE_NOT_FOUND', { zh: '没有这个接口', en: 'No such endpoint' }),
  unauthenticated: () => new Problem(401, 'UNAUTHENTICATED', { zh: '请先登录', en: 'Authentication required' }),
  forbidden: (why?: Bilingual) => new Problem(403, 'FORBIDDEN', why ?? { zh: '无权执行此操作', en: 'You are not allowed to do this' }),
  conflict: (code: string, text: Bilingual, extra: Record<string, unknown> = {}) => new Problem(409, code, text, [], extra),
  internal: () => new Problem(500, 'INTERNAL_ERROR', { zh: '服务器内部错误，已记录', en: 'Internal server error; it has been logged' }),
};
