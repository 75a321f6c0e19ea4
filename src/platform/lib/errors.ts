/**
 * Domain errors. Domain code throws `AppError` with a stable code; `platform/http` maps the code's
 * kind to an HTTP status once. Messages come from the i18n catalogue keyed by the same code.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `lines.0.qty` or `body.email`. */
  field: string;
  /** Stable machine code, e.g. `too_small`, `invalid_gtin`. */
  code: string;
  /** Human message in the request's language (domain code may put a message code here). */
  message: string;
  /** Placeholders for a message code. */
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  readonly issues: FieldIssue[];

  constructor(
    kind: ErrorKind,
    code: string,
    params: Record<string, unknown> = {},
    issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('not_found', 'not_found', { entity, id });

export const conflict = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('conflict', code, params);

export const forbidden = (code = 'forbidden', params: Record<string, unknown> = {}) =>
  new AppError('forbidden', code, params);

export const badRequest = (code: string, params: Record<string, unknown> = {}, issues: FieldIssue[] = []) =>
  new AppError('bad_request', code, params, issues);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
