import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type FieldIssue } from '../lib/errors';

/**
 * Text PostgreSQL cannot store is refused at the door: the NUL character (U+0000) is valid in JSON
 * and in URLs but not in a `text` or `jsonb` value, so a request carrying one would otherwise fail
 * deep inside with a database error. Every string (and key) of the body, query and route parameters
 * is checked; each one found is named in a 400 `validation_failed`, and nothing is changed.
 */
const MAX_ISSUES = 20;

function findNul(value: unknown, path: string, out: FieldIssue[], depth = 0): void {
  if (out.length >= MAX_ISSUES || depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path, code: 'text_nul', message: 'text_nul' });
    return;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findNul(value[i], `${path}.${i}`, out, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) {
      out.push({ field: path, code: 'text_nul', message: 'text_nul' });
      return;
    }
    findNul(v, `${path}.${key}`, out, depth + 1);
  }
}

export function nulIssues(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  findNul(request.params, 'params', issues);
  findNul(request.query, 'querystring', issues);
  findNul(request.body, 'body', issues);
  return issues;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues = nulIssues(request);
    if (issues.length) throw badRequest('validation_failed', {}, issues);
  });
}
