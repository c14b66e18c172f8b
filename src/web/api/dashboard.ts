/** 一屏观全镇: GET /dashboard and /dashboard/map (src/server/routes/api/v1/dashboard.ts); shapes from src/contracts/dashboard.ts. */
import type { DashboardDeviceDto, DashboardDto, DashboardMapCaseDto, DashboardMapDto } from '../../contracts/dashboard.js';
import { request } from './client.js';

export type { DashboardDeviceDto, DashboardDto, DashboardMapCaseDto, DashboardMapDto };
export const fetchDashboard = (): Promise<DashboardDto> => request<DashboardDto>('/dashboard');
export const fetchDashboardMap = (): Promise<DashboardMapDto> => request<DashboardMapDto>('/dashboard/map');
