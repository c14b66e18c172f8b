/**
 * A small fetch wrapper for /api/v1: JSON in and out, the session cookie sent along, and every
 * failure turned into an ApiError. A 401 tells the app (onUnauthorized) so it can go to the login
 * page and come back to where the user was.
 */
import { ApiError, toApiError } from './problem.js';

const base = '/api/v1';
let unauthorizedHandler: (() => void) | null = null;

/** Called once by main.ts: what to do when the session has ended. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** the login call itself expects 401 for a wrong password and must not redirect */
  ignoreUnauthorized?: boolean;
  signal?: AbortSignal;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { accept: 'application/json, application/problem+json' },
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(urlOf(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw toApiError(0, null);
  }
  const body = await readBody(res);
  if (res.ok) return body as T;
  const error = toApiError(res.status, body);
  if (res.status === 401 && !options.ignoreUnauthorized) unauthorizedHandler?.();
  throw error;
}

export { ApiError };
