/** RFC 9457 problem details as the server sends them (messages already in the user's language). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

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

/** Thrown by the API helpers for any non-2xx answer or network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  get issues(): FieldIssue[] {
    return this.problem?.issues ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

function isProblem(value: unknown): value is Problem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && (typeof v.detail === 'string' || typeof v.title === 'string');
}

/** Build an ApiError from whatever openapi-fetch (or fetch) gave us for a failed response. */
export function toApiError(body: unknown, response: Response | undefined): ApiError {
  const status = response?.status ?? 0;
  if (isProblem(body)) {
    const issues = Array.isArray(body.issues) ? body.issues : undefined;
    return new ApiError(status || body.status, { ...body, issues }, body.detail);
  }
  const text = typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : '';
  return new ApiError(status, null, text || response?.statusText || `HTTP ${status}`);
}

/** Read a fetch Response's body as a problem (or text) and wrap it. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return toApiError(body, response);
}

/**
 * Field path from the server (`body.lines.0.qty`) → antd form name path (`['lines', 0, 'qty']`).
 * Returns null for issues that are not about the request body (query, params, headers).
 */
export function issueNamePath(field: string): (string | number)[] | null {
  const parts = field.split('.').filter(Boolean);
  if (parts[0] === 'querystring' || parts[0] === 'params' || parts[0] === 'headers') return null;
  if (parts[0] === 'body') parts.shift();
  if (!parts.length) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
