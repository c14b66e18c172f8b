/** 常态长效: the board, one record and its actions, the heat (src/server/routes/api/v1/recurring.ts); shapes from src/contracts/recurring.ts. */
import type { RecurringDetailDto, RecurringHeatDto, RecurringRecordDto } from '../../contracts/recurring.js';
import type { RecurringAction } from '../../domain/recurring/vocabulary.js';
import { request } from './client.js';

export type { RecurringDetailDto, RecurringHeatDto, RecurringRecordDto };

export interface RecurringFilters {
  status?: string;
  category?: string;
  unit?: string;
  station?: string;
}

export const listRecurring = (filters: RecurringFilters, limit = 200): Promise<{ items: RecurringRecordDto[]; total: number }> =>
  request('/recurring', { query: { ...filters, limit } });
export const fetchRecurring = (id: string): Promise<RecurringDetailDto> => request(`/recurring/${id}`);
export const fetchRecurringHeat = (filters: { category?: string; station?: string }): Promise<RecurringHeatDto> => request('/recurring/heat', { query: filters });

/** plan and progress carry a text, strike-off its reason */
export function actOnRecurring(id: string, action: RecurringAction, text: string, version: number): Promise<RecurringDetailDto> {
  const body = action === 'strike-off' ? { reason: text, version } : { text, version };
  return request(`/recurring/${id}/${action}`, { method: 'POST', body });
}
