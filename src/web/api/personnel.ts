/** GET /api/v1/personnel (phones masked). The home page only counts the list. */
import { request } from './client.js';

/** The list may come bare or wrapped ({ items } / { total }); the count is the same either way. */
export async function fetchPersonnelCount(): Promise<number> {
  const body = await request<unknown>('/personnel');
  if (Array.isArray(body)) return body.length;
  if (typeof body === 'object' && body !== null) {
    const { total, items } = body as { total?: unknown; items?: unknown };
    if (typeof total === 'number') return total;
    if (Array.isArray(items)) return items.length;
  }
  return 0;
}
