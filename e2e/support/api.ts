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
