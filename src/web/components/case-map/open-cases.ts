/** The open cases of a station (or the town), paged through up to a cap, and their order on the side list. */
import { listCases, type CaseSummaryDto } from '../../api/cases.js';

export const openStatuses = 'reported,registered,dispatched,returned,accepted,handling,feedback,verified,visited,suspended';
/** enough for any station's open work; past this the map would be unreadable anyway */
export const caseCap = 2000;
const pageSize = 200;

export type DeadlineState = CaseSummaryDto['deadlineState'];
export const deadlineOrder: readonly DeadlineState[] = ['red', 'yellow', 'green', 'done'];
export const deadlineColours: Record<DeadlineState, string> = { red: '#e04848', yellow: '#e6a23c', green: '#3aa757', done: '#8c939d' };

export interface OpenCases {
  items: CaseSummaryDto[];
  truncated: boolean;
}

export async function loadOpenCases(station: string | null): Promise<OpenCases> {
  const items: CaseSummaryDto[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCases({ status: openStatuses, station: station ?? undefined, limit: pageSize, cursor: cursor ?? undefined });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < caseCap);
  return { items: items.slice(0, caseCap), truncated: cursor !== null || items.length > caseCap };
}

/** Red first, then yellow, green, not yet timed; within a colour the nearest deadline first. */
export function byUrgency(a: CaseSummaryDto, b: CaseSummaryDto): number {
  const d = deadlineOrder.indexOf(a.deadlineState) - deadlineOrder.indexOf(b.deadlineState);
  if (d !== 0) return d;
  const ad = a.nextDueAt ?? '\uffff';
  const bd = b.nextDueAt ?? '\uffff';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0;
}
