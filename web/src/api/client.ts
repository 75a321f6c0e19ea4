import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage, i18n } from '../i18n';
import { ApiError, errorFromResponse, toApiError } from './problem';
import type { paths } from './schema';

const CSRF_COOKIE = 'wayline_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Fallback when the cookie is not readable yet (e.g. right after login in some browsers). */
let csrfFromLogin: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfFromLogin = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFromLogin;
}

let unauthorizedHandler: () => void = () => {
  if (window.location.pathname !== '/login') {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${next}`);
  }
};

/** The app installs a router-aware handler; the default reloads onto /login. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** A 401 from the login call itself is a wrong password, not an expired session. */
const isLoginCall = (url: string) => new URL(url, window.location.origin).pathname === '/api/auth/login';

/** Headers every API call carries: the UI language, and the CSRF token on unsafe methods. */
function decorate(headers: Headers, method: string): void {
  headers.set('Accept-Language', currentLanguage());
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = csrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
}

function onResponseStatus(url: string, status: number): void {
  if (status === 401 && !isLoginCall(url)) unauthorizedHandler();
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    decorate(request.headers, request.method);
    return request;
  },
  onResponse({ request, response }) {
    onResponseStatus(request.url, response.status);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
api.use(sessionMiddleware);

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, null, i18n.t('errors.network'));
  error.cause = cause;
  return error;
}

/** Await an openapi-fetch call and return its data, or throw an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<NonNullable<T>> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw networkError(cause);
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.error, result.response);
  return result.data as NonNullable<T>;
}

/**
 * Like `unwrap` for calls whose answer the console does not need: any 2xx is success, whether it
 * is 204 No Content or a 200 acknowledgement such as `{ ok: true }` (logout, token revocation).
 */
export async function send(call: Promise<ApiResult<unknown>>): Promise<void> {
  await unwrap(call);
}

/**
 * Plain fetch with the same session rules, for what openapi-fetch does not cover well:
 * raw file uploads and file downloads. Throws ApiError on non-2xx.
 */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  decorate(headers, method);
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'include' });
  } catch (cause) {
    throw networkError(cause);
  }
  onResponseStatus(path, response.status);
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Download a file the API produces (export, template) and hand it to the browser. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await rawFetch(path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
