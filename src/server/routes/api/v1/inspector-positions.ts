/** The inspector phone app's GPS feed: an inspector posts their own fixes (see positions/report-positions.ts). */
import { noQuery } from '../../../../contracts/identity.js';
import { reportPositionsBody, reportPositionsDto } from '../../../../contracts/inspector-positions.js';
import { authorize } from '../../../auth/authorize.js';
import { requireActor } from '../../../auth/require-actor.js';
import type { AppContext } from '../../../context.js';
import { reportPositions } from '../../../positions/report-positions.js';
import type { Api } from '../../api-instance.js';

export async function inspectorPositionRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.post(
    '/inspectors/me/positions',
    {
      bodyLimit: 32_768,
      schema: {
        tags: ['inspectors'],
        summary:
          '巡查员位置上报 The signed-in inspector\'s GPS fixes, up to 50 at a time (WGS84, or gcj02/bd09 converted); each inside the town, not in the future, at most 24 h old, else 422 naming the point; a resent point (same time) is stored once',
        querystring: noQuery,
        body: reportPositionsBody,
        response: { 200: reportPositionsDto },
      },
    },
    async (request) => {
      // an inspector reports where they themselves are: a self-scoped permission (never an API key)
      const actor = await authorize(request, 'report', 'inspector_positions', { userId: requireActor(request).id });
      return reportPositions(ctx, actor, request.body);
    },
  );
}
