/** Turns every error into problem+json: Fastify's own (bad JSON, size, media type), zod validation, and ours. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Problem, problemBody, problems, type FieldError } from './problem.js';

interface ZodIssueLike {
  instancePath: string;
  message: string;
  /** fastify-type-provider-zod puts the zod issue code here and the rest of the issue in params */
  keyword?: string;
  params?: { code?: string; keys?: string[] };
}

const issueCode = (issue: ZodIssueLike): string | undefined => issue.keyword ?? issue.params?.code;

/** Fastify's validation contexts, named as every hand-made problem names them (query.lng, header.if-match). */
function fieldRoot(context: string | undefined): string {
  switch (context) {
    case 'querystring':
      return 'query';
    case 'headers':
      return 'header';
    case undefined:
      return 'body';
    default:
      return context;
  }
}

function fieldErrorsFromZod(context: string | undefined, issues: ZodIssueLike[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = [fieldRoot(context), ...issue.instancePath.split('/').filter(Boolean)].join('.');
    if (issueCode(issue) === 'unrecognized_keys' && issue.params?.keys) {
      for (const key of issue.params.keys) {
        out.push({ field: `${base}.${key}`, message: { zh: '不允许的字段', en: 'unknown field' } });
      }
      continue;
    }
    out.push({ field: base, message: { zh: zhFor(issue), en: issue.message } });
  }
  return out;
}

function zhFor(issue: ZodIssueLike): string {
  switch (issueCode(issue)) {
    case 'invalid_type':
      return issue.message.includes('received undefined') ? '必填' : '类型不正确';
    case 'too_small':
      return '过小或过短';
    case 'too_big':
      return '过大或过长';
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '不是允许的取值';
    default:
      return '不符合要求';
  }
}

export function toProblem(error: FastifyError | Problem | Error): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const e = error as FastifyError & { validation: ZodIssueLike[]; validationContext?: string };
    return problems.validation(fieldErrorsFromZod(e.validationContext, e.validation));
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.malformedJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problems.tooLarge(Number((fe as { bodyLimit?: number }).bodyLimit ?? 0) || 1_048_576);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problems.unsupportedMediaType(String(fe.message.split(': ').pop() ?? ''));
    default:
      break;
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) return problems.malformedJson();
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new Problem(fe.statusCode, fe.code ?? 'BAD_REQUEST', { zh: '请求无效', en: fe.message });
  }
  return problems.internal();
}

export function installErrorHandling(app: FastifyInstance, appRoute?: (request: FastifyRequest) => boolean, sendApp?: (reply: FastifyReply) => FastifyReply): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problemBody(problem, request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    if (appRoute && sendApp && appRoute(request)) return sendApp(reply);
    const problem = problems.routeNotFound();
    return reply.code(404).type('application/problem+json; charset=utf-8').send(problemBody(problem, request.url));
  });
}
