import type { FieldError } from '../../common/validation/errors';

/** An error answered by the API, already translated by the server into the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Array<FieldError & { message: string }> = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language = 'fr';
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setApiLanguage = (lang: string) => {
  language = lang;
};

/** The headers every call carries: the UI language, and the CSRF token on a change (an upload with progress too). */
export function apiHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-samen-language': language };
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return headers;
}

/** Calls the API with the session cookie, the CSRF token and the UI language; throws ApiError on failure. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = apiHeaders(method);
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'errors.network', '');
  }
  if (res.status === 204) return undefined as T;
  const isJson = res.headers.get('content-type')?.includes('application/json');
  const data = isJson ? await res.json() : null;
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'errors.internal', e?.message ?? '', e?.fields ?? []);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined | string[]>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, x);
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
