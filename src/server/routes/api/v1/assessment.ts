/** GET /assessment/indicators: 监督考评 — a period's indicators per unit, station or inspector. */
import { indicatorsDto, indicatorsQuery } from '../../../../contracts/assessment.js';
import { getIndicators } from '../../../assessment/get-indicators.js';
import { authorize } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';

export async function assessmentRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/assessment/indicators',
    {
      schema: {
        tags: ['assessment'],
        summary: '考评指标 Indicators of every unit, station or inspector over a month, quarter, year or custom range (needs assessment:read)',
        querystring: indicatorsQuery,
        response: { 200: indicatorsDto },
      },
    },
    async (request) => {
      await authorize(request, 'read', 'assessment');
      return getIndicators(ctx, request.query);
    },
  );
}
