// The console's only way to the API: same origin, bearer token from the session, Accept-Language from the
// chosen language (the API translates its error messages: README "Errors").
import { lang } from './i18n.js';
import { token } from './session.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const response = await fetch(withQuery(path, query), { headers: headers() });
  return answer<T>(response);
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...headers(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

/**
 * Downloads a route's answer as a file: a plain link cannot carry the bearer token, so the file is fetched and
 * handed to the browser as a blob.
 */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) await answer(response);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function headers(): Record<string, string> {
  const value = token();
  return {
    accept: 'application/json',
    'accept-language': lang(),
    ...(value ? { authorization: `Bearer ${value}` } : {}),
  };
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText);
  }
  return body as T;
}
