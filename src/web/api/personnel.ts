/** GET /api/v1/personnel (phones masked). The home page only counts the list. */
import type { z } from 'zod';
import type { personnelDto } from '../../contracts/identity.js';
import { request } from './client.js';

export type PersonnelDto = z.infer<typeof personnelDto>;

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

/** The staff directory (phones masked unless the caller's role may see them). */
export const fetchPersonnel = (): Promise<PersonnelDto[]> => request<PersonnelDto[]>('/personnel');
