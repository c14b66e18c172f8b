/** 我的工作: GET /cases/counts (src/server/routes/api/v1/case-counts.ts), counted in the caller's scope. */
import type { CaseCountsDto } from '../../contracts/cases.js';
import { request } from './client.js';

export type { CaseCountsDto };
export const fetchCaseCounts = (): Promise<CaseCountsDto> => request<CaseCountsDto>('/cases/counts');
