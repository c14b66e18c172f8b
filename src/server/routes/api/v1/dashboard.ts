/** GET /dashboard: 一屏观全镇 — the town's live figures, for those who see the whole town's cases. */
import { dashboardDto, dashboardMapDto } from '../../../../contracts/dashboard.js';
import { authorize } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { getDashboard } from '../../../dashboard/get-dashboard.js';
import { getDashboardMap } from '../../../dashboard/get-dashboard-map.js';
import type { Api } from '../../api-instance.js';

export async function dashboardRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '一屏观全镇 The live dashboard snapshot: now, today, stations, departments, trends, alerts (needs town-wide cases:read)',
        response: { 200: dashboardDto },
      },
    },
    async (request) => {
      // town-wide figures: only a town-wide reader of cases (a rule without a target allows only those)
      await authorize(request, 'read', 'cases');
      return getDashboard(ctx);
    },
  );
  api.get(
    '/dashboard/map',
    {
      schema: {
        tags: ['dashboard'],
        summary: '一屏观全镇·地图 The screen map: located open cases (most urgent first, capped) and inspectors\' last positions (needs town-wide cases:read)',
        response: { 200: dashboardMapDto },
      },
    },
    async (request) => {
      await authorize(request, 'read', 'cases');
      return getDashboardMap(ctx);
    },
  );
}
