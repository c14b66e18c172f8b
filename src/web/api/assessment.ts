/** 监督考评: GET /assessment/indicators, /cases, /annual, POST /adjustments and the xlsx exports; shapes from src/contracts/assessment.ts. */
import type { AdjustmentDto, AnnualAssessmentDto, AssessmentCasesDto, AssessmentMetric, IndicatorsDto, NewAdjustmentBody } from '../../contracts/assessment.js';
import type { AssessmentSubject } from '../../domain/assessment/event-facts.js';
import { request } from './client.js';
import { downloadXlsx, type ExportedFile } from './download.js';

export type { AdjustmentDto, AnnualAssessmentDto, AssessmentCasesDto, AssessmentMetric, IndicatorsDto, NewAdjustmentBody };

/** A period as the API takes it: ?period=2026-11 | 2026-Q4 | 2026, or ?from=&to= (local dates). */
export type PeriodParams = { period: string } | { from: string; to: string };

export interface IndicatorsParams {
  subject: AssessmentSubject;
  key?: string;
}

const queryOf = (params: Record<string, string | number | undefined>): URLSearchParams => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q;
};

export const fetchIndicators = (params: IndicatorsParams & PeriodParams, signal?: AbortSignal): Promise<IndicatorsDto> =>
  request<IndicatorsDto>('/assessment/indicators', { query: { ...params }, ...(signal ? { signal } : {}) });

export interface AssessmentCasesParams {
  subject: AssessmentSubject;
  key: string;
  metric: AssessmentMetric;
  limit?: number;
  after?: string;
}

export const fetchAssessmentCases = (params: AssessmentCasesParams & PeriodParams): Promise<AssessmentCasesDto> =>
  request<AssessmentCasesDto>('/assessment/cases', { query: { ...params } });

export const fetchAnnual = (year: number): Promise<AnnualAssessmentDto> => request<AnnualAssessmentDto>('/assessment/annual', { query: { year } });

export const createAdjustment = (body: NewAdjustmentBody): Promise<AdjustmentDto> => request<AdjustmentDto>('/assessment/adjustments', { method: 'POST', body });

export const downloadIndicatorsXlsx = (params: IndicatorsParams & PeriodParams): Promise<ExportedFile> =>
  downloadXlsx('/assessment/indicators.xlsx', queryOf({ ...params }), 'indicators.xlsx');

export const downloadAnnualXlsx = (year: number): Promise<ExportedFile> => downloadXlsx('/assessment/annual.xlsx', queryOf({ year }), `assessment-${year}.xlsx`);
