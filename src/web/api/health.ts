/** GET /api/v1/health (no login needed): the town's name for the header and login page. */
import { request } from './client.js';

/** The part of the health answer the console reads (the route's schema lives in the server). */
export interface HealthInfo {
  status: 'ok' | 'degraded';
  version: string;
  database: { dialect: 'sqlite' | 'postgres'; ok: boolean };
  profile: { townCode: string; townName: string | null };
}

export const fetchHealth = (): Promise<HealthInfo> => request<HealthInfo>('/health', { ignoreUnauthorized: true });
