/** The phone app's GPS feed: POST /inspectors/me/positions (src/server/routes/api/v1/inspector-positions.ts); shapes from src/contracts/inspector-positions.ts. */
import type { ReportPositionsDto, ReportPositionsInput } from '../../contracts/inspector-positions.js';
import { request } from './client.js';

export type { ReportPositionsDto, ReportPositionsInput };
export const postPositions = (body: ReportPositionsInput): Promise<ReportPositionsDto> => request<ReportPositionsDto>('/inspectors/me/positions', { method: 'POST', body });
