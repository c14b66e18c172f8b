/** Direct API reads for the tests' expectations (the browser must show what the API says). */
import { baseUrl, demoPassword } from './browser.js';

export async function apiGet<T>(path: string, username: string): Promise<T> {
  const login = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login as ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** A session cookie of a demo account, for requests the test makes itself. */
export async function apiCookie(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** POST JSON as a demo account; fails the test on anything but 2xx. */
export async function apiPost<T>(path: string, cookie: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}
