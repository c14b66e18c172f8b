/**
 * The dispatcher's queues (tabs of 案件办理): each is a filter of GET /cases. The server scopes
 * the answer to the user (a station sees its station, a department its cases); nothing is
 * filtered here for permissions.
 */
import type { CaseListParams } from '../../api/cases.js';

export const queues = ['all', 'toRegister', 'toDispatch', 'returned', 'handling', 'toVerify', 'toVisit', 'yellow', 'red', 'closed'] as const;
export type Queue = (typeof queues)[number];

export function isQueue(v: unknown): v is Queue {
  return typeof v === 'string' && (queues as readonly string[]).includes(v);
}

/** The list filter of a queue. */
export function queueFilter(q: Queue): Pick<CaseListParams, 'status' | 'deadline'> {
  switch (q) {
    case 'all':
      return {};
    case 'toRegister':
      return { status: 'reported' };
    case 'toDispatch':
      return { status: 'registered' };
    case 'returned':
      return { status: 'returned' };
    case 'handling':
      return { status: 'dispatched,accepted,handling' };
    case 'toVerify':
      return { status: 'feedback' };
    case 'toVisit':
      return { status: 'verified' };
    case 'yellow':
      return { deadline: 'yellow' };
    case 'red':
      return { deadline: 'red' };
    case 'closed':
      return { status: 'closed' };
    default: {
      const never: never = q;
      return never;
    }
  }
}

/** The filters a page keeps in the URL (?queue=&q=&channel=&station=) so a reload or a shared link keeps them. */
export interface ListFilters {
  queue: Queue;
  q: string;
  channel: string;
  station: string;
}

type RouteQuery = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function filtersFromQuery(query: RouteQuery): ListFilters {
  return { queue: isQueue(query.queue) ? query.queue : 'all', q: str(query.q), channel: str(query.channel), station: str(query.station) };
}

/** Only what differs from the defaults goes into the URL. */
export function queryFromFilters(f: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.queue !== 'all') out.queue = f.queue;
  if (f.q.trim()) out.q = f.q.trim();
  if (f.channel) out.channel = f.channel;
  if (f.station) out.station = f.station;
  return out;
}

export function listParams(f: ListFilters, cursor?: string): CaseListParams {
  return {
    ...queueFilter(f.queue),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.station ? { station: f.station } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 50,
  };
}
