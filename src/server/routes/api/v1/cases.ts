/** The closed loop over HTTP: intake, list, detail, actions, the caller's personal data (audited). */
import { z } from 'zod';
import { caseDetailDto, caseListDto, caseListQuery, intakeBody, jointMeetingInput } from '../../../../contracts/cases.js';
import { caseActions, type CaseAction } from '../../../../domain/case/index.js';
import { requireActor } from '../../../auth/require-actor.js';
import { authorize } from '../../../auth/authorize.js';
import { actOnCase } from '../../../cases/act-on-case.js';
import { assertMayReadCase } from '../../../cases/case-access.js';
import { buildCaseDetail, getCaseDetail } from '../../../cases/get-case-detail.js';
import { intakeCase } from '../../../cases/intake-case.js';
import { recordJointMeeting } from '../../../cases/record-joint-meeting.js';
import { listCasesFor } from '../../../cases/list-cases.js';
import { recordPersonalDataRead } from '../../../commands/record-audit.js';
import type { AppContext } from '../../../context.js';
import { findCase } from '../../../db/repositories/case-repository.js';
import { caseRef, keyRowFor } from '../../../http/idempotency.js';
import { trustedSerializer } from '../../../http/trusted-serializer.js';
import { Problem } from '../../../http/problem.js';
import type { Api } from '../../api-instance.js';

const tags = ['cases'];
const idParams = z.strictObject({ id: z.uuid() });
const actionParams = z.strictObject({ id: z.uuid(), action: z.enum(caseActions) });
const versionHeader = z.object({ 'if-match': z.string().regex(/^\d+$/).optional(), 'idempotency-key': z.string().optional() }).passthrough();

export async function caseRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.post(
    '/cases',
    {
      schema: {
        tags,
        summary: '受理/上报 Intake from any channel; a resent order (external id or Idempotency-Key) returns the existing case',
        body: intakeBody,
        response: { 200: caseDetailDto, 201: caseDetailDto },
      },
      serializerCompiler: trustedSerializer,
    },
    async (request, reply) => {
      const actor = await authorize(request, 'create', 'cases');
      const result = await intakeCase(ctx, actor, request.body, keyRowFor(ctx, request, 201, caseRef));
      const detail = result.created
        ? buildCaseDetail(ctx, await ctx.town.current(), actor, result.row, [result.event], result.duplicates, { reporter: result.reporter, json: result.json })
        : await getCaseDetail(ctx, actor, result.caseId, { afterOwnAction: true });
      return reply.code(result.created ? 201 : 200).header('location', `/api/v1/cases/${result.caseId}`).send(detail);
    },
  );

  api.get('/cases', { schema: { tags, summary: '案件列表 Cases with filters and cursor pagination (newest first)', querystring: caseListQuery, response: { 200: caseListDto } } }, async (request) => {
    const actor = requireActor(request);
    return listCasesFor(ctx, actor, request.query);
  });

  api.get('/cases/:id', { schema: { tags, summary: '案件详情 A case with its events, routing, deadlines, duplicates and allowed actions', params: idParams, response: { 200: caseDetailDto } }, serializerCompiler: trustedSerializer }, async (request) => {
    return getCaseDetail(ctx, requireActor(request), request.params.id);
  });

  api.get(
    '/cases/:id/reporter',
    {
      schema: {
        tags,
        summary: '查看报告人完整信息 The reporter’s name and phone unmasked (roles allowed by policy; every read is audited)',
        params: idParams,
        response: { 200: z.object({ name: z.string().nullable(), phone: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'read', 'citizen_data');
      const row = await findCase(ctx.database.db, ctx.townId, request.params.id);
      if (!row) throw new Problem(404, 'CASE_NOT_FOUND', { zh: '案件不存在', en: 'No such case' });
      assertMayReadCase(actor, row, await ctx.town.current());
      const body = {
        name: row.reporter_name_enc ? ctx.cipher.decrypt(row.reporter_name_enc) : null,
        phone: row.reporter_phone_enc ? ctx.cipher.decrypt(row.reporter_phone_enc) : null,
      };
      await recordPersonalDataRead(ctx, { actor, resourceType: 'case', resourceIds: [row.id], fields: ['reporter.name', 'reporter.phone'], ip: request.ip });
      return body;
    },
  );

  api.post(
    '/cases/:id/joint-meetings',
    {
      schema: {
        tags,
        summary: '联席会议 Record a joint meeting of a cross-department case (lead unit or coordinator)',
        params: idParams,
        body: jointMeetingInput,
        response: { 201: caseDetailDto },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await recordJointMeeting(ctx, actor, request.params.id, request.body, keyRowFor(ctx, request, 201, caseRef));
      return reply.code(201).send(await getCaseDetail(ctx, actor, request.params.id, { afterOwnAction: true }));
    },
  );

  api.post(
    '/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '案件操作 Any action of the case machine (立案、派遣、签收、退单、指定、处置、反馈、核查、回访、结案、延期、挂账、催办、升级、批示、就地处置)',
        description: `Actions: ${caseActions.join(', ')}. The body is the action's input (see the domain's action schemas); an action not allowed now is 409 naming the state and the allowed actions. Send If-Match: <version> to refuse a stale edit.`,
        params: actionParams,
        headers: versionHeader,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: caseDetailDto },
      },
      serializerCompiler: trustedSerializer,
    },
    async (request) => {
      const actor = requireActor(request);
      const ifMatch = request.headers['if-match'];
      await actOnCase(ctx, actor, request.params.id, request.params.action as CaseAction, request.body ?? {}, { expectedVersion: ifMatch ? Number(ifMatch) : undefined, keyRow: keyRowFor(ctx, request, 200, caseRef) });
      return getCaseDetail(ctx, actor, request.params.id, { afterOwnAction: true });
    },
  );
}
