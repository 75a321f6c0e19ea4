import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { hasMessage, type Lang, t } from '../i18n/i18n';
import { AppError, type ErrorKind, type FieldIssue } from '../lib/errors';

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export const statusOf = (kind: ErrorKind): number => STATUS[kind];

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  issues?: FieldIssue[];
}

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turn one zod issue into a field issue with a message in the user's language. */
function fieldIssue(lang: Lang, context: string, issue: ZodLikeIssue): FieldIssue {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const field = [context, path].filter(Boolean).join('.');
  const p = issue.params;
  let messageCode = 'field.invalid';
  let params: Record<string, unknown> = {};
  switch (issue.keyword) {
    case 'invalid_type':
      if (p.input === undefined) messageCode = 'field.required';
      else {
        messageCode = 'field.invalid_type';
        params = { expected: p.expected };
      }
      break;
    case 'too_small':
    case 'too_big': {
      const origin = ['string', 'array'].includes(String(p.origin)) ? String(p.origin) : 'number';
      messageCode = `field.${issue.keyword}.${origin}`;
      params = { minimum: p.minimum, maximum: p.maximum };
      break;
    }
    case 'invalid_format':
      messageCode = 'field.invalid_format';
      params = { format: p.format };
      break;
    case 'invalid_value':
      messageCode = 'field.invalid_value';
      params = { options: Array.isArray(p.values) ? p.values.join(', ') : '' };
      break;
    case 'unrecognized_keys':
      messageCode = 'field.unrecognized_keys';
      params = { keys: Array.isArray(p.keys) ? p.keys.join(', ') : '' };
      break;
    case 'custom':
      // Refinements carry their own message code (e.g. `catalog.invalid_gtin`).
      messageCode = issue.message;
      params = (p.params as Record<string, unknown>) ?? {};
      break;
    default:
      if (p.format === 'safeint' || issue.message.includes('int')) messageCode = 'field.invalid';
  }
  return {
    field,
    code: issue.keyword === 'custom' ? issue.message : issue.keyword,
    message: t(lang, messageCode, params),
  };
}

export function toProblem(error: unknown, request: FastifyRequest): { status: number; problem: Problem } {
  const lang = request.lang ?? 'zh-CN';
  const base = { instance: request.url, requestId: String(request.id) };
  if (error instanceof AppError) {
    const status = STATUS[error.kind];
    const detail = t(lang, error.code, error.params);
    return {
      status,
      problem: {
        type: `https://wayline.dev/problems/${error.code}`,
        title: detail,
        status,
        code: error.code,
        detail,
        ...base,
        ...(error.issues.length ? { issues: error.issues.map((i) => localiseIssue(lang, i)) } : {}),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const issues = (error.validation as unknown as ZodLikeIssue[]).map((i) => fieldIssue(lang, context, i));
    return problemFor(lang, 'validation_failed', 400, {}, base, issues);
  }
  const fe = error as FastifyError;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'payload_too_large'
        : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError
            ? 'invalid_json'
            : fe.statusCode === 429
              ? 'rate_limited'
              : 'bad_request';
    const params = { type: request.headers['content-type'] ?? '', retryAfter: 60 };
    return problemFor(lang, code, fe.statusCode, params, base);
  }
  return problemFor(lang, 'internal_error', 500, { requestId: base.requestId }, base);
}

function problemFor(
  lang: Lang,
  code: string,
  status: number,
  params: Record<string, unknown>,
  base: { instance: string; requestId: string },
  issues?: FieldIssue[],
) {
  const detail = t(lang, code, params);
  return {
    status,
    problem: {
      type: `https://wayline.dev/problems/${code}`,
      title: detail,
      status,
      code,
      detail,
      ...base,
      ...(issues?.length ? { issues } : {}),
    },
  };
}

export function sendProblem(reply: FastifyReply, status: number, problem: Problem) {
  return reply.code(status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Domain code puts a message code in `message` (it does not know the caller's language). */
function localiseIssue(lang: Lang, issue: FieldIssue): FieldIssue {
  const { params, ...rest } = issue;
  return {
    ...rest,
    message: hasMessage(issue.message) ? t(lang, issue.message, params ?? {}) : issue.message,
  };
}
