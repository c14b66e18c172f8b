/** GET /cases/counts: the home page's 我的工作 (registered before /cases/:id; a static path wins anyway). */
import { caseCountsDto } from '../../../../contracts/cases.js';
import { requireActor } from '../../../auth/require-actor.js';
import { countCasesFor } from '../../../cases/count-cases.js';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';

export async function caseCountRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/cases/counts',
    { schema: { tags: ['cases'], summary: '我的工作 Cases per queue and per deadline light (open cases), in the caller’s scope', response: { 200: caseCountsDto } } },
    async (request) => countCasesFor(ctx, requireActor(request)),
  );
}
