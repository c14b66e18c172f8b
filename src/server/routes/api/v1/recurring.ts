/** 常态长效 (R13): the board of recurring problems, one record, its plan, progress and 销项, the heat map. */
import { noQuery } from '../../../../contracts/identity.js';
import { recurringDetailDto, recurringHeatDto, recurringHeatQuery, recurringIdParams, recurringListQuery, recurringPageDto, recurringPlanBody, recurringStrikeOffBody } from '../../../../contracts/recurring.js';
import { requireActor } from '../../../auth/require-actor.js';
import type { AppContext } from '../../../context.js';
import { actOnRecord } from '../../../recurring/act-on-record.js';
import { getRecordFor, heatFor, listRecordsFor } from '../../../recurring/get-record.js';
import type { Api } from '../../api-instance.js';

const tags = ['recurring'];

export async function recurringRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/recurring',
    { schema: { tags, summary: '常态长效问题 Recurring problems in my scope, newest activity first (recurring:read)', querystring: recurringListQuery, response: { 200: recurringPageDto } } },
    async (request) => listRecordsFor(ctx, requireActor(request), request.query),
  );

  api.get(
    '/recurring/heat',
    { schema: { tags, summary: '热力图 Cases with a category per H3 cell over the last days, with each hexagon for the map', querystring: recurringHeatQuery, response: { 200: recurringHeatDto } } },
    async (request) => heatFor(ctx, requireActor(request), request.query),
  );

  api.get(
    '/recurring/:id',
    { schema: { tags, summary: '常态长效问题详情 One recurring problem with its cases, log and 抄报 (copies to the leader)', params: recurringIdParams, querystring: noQuery, response: { 200: recurringDetailDto } } },
    async (request) => getRecordFor(ctx, requireActor(request), request.params.id),
  );

  const planSteps = [
    { action: 'plan', summary: '制定整治措施 Record the root-cause plan (owner unit or supervisor)' },
    { action: 'progress', summary: '报告进展 Report progress on the plan (owner unit or supervisor)' },
  ] as const;
  for (const step of planSteps) {
    api.post(
      `/recurring/:id/${step.action}`,
      { bodyLimit: 16_384, schema: { tags, summary: step.summary, params: recurringIdParams, querystring: noQuery, body: recurringPlanBody, response: { 200: recurringDetailDto } } },
      async (request) => {
        const actor = requireActor(request);
        await actOnRecord(ctx, actor, request.params.id, step.action, request.body, request.ip);
        return getRecordFor(ctx, actor, request.params.id);
      },
    );
  }

  api.post(
    '/recurring/:id/strike-off',
    { bodyLimit: 16_384, schema: { tags, summary: '销项 Strike the problem off, with the reason (supervisor only; audited)', params: recurringIdParams, querystring: noQuery, body: recurringStrikeOffBody, response: { 200: recurringDetailDto } } },
    async (request) => {
      const actor = requireActor(request);
      await actOnRecord(ctx, actor, request.params.id, 'strike-off', { text: request.body.reason, version: request.body.version }, request.ip);
      return getRecordFor(ctx, actor, request.params.id);
    },
  );
}
