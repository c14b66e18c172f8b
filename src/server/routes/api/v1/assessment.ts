/**
 * 监督考评: a period's indicators per unit, station or inspector, the cases behind each number,
 * the annual assessment with its lists, the supervisor's adjustments, and the same as xlsx.
 */
import {
  adjustmentDto,
  annualAssessmentDto,
  annualQuery,
  assessmentCasesDto,
  assessmentCasesQuery,
  indicatorsDto,
  indicatorsQuery,
  newAdjustmentBody,
} from '../../../../contracts/assessment.js';
import { adjustAnnualScore } from '../../../assessment/adjust-annual-score.js';
import { annualWorkbook, indicatorsFileName, indicatorsWorkbook } from '../../../assessment/assessment-workbook.js';
import { getAnnualAssessment } from '../../../assessment/get-annual-assessment.js';
import { getAssessmentCases } from '../../../assessment/get-assessment-cases.js';
import { getIndicators } from '../../../assessment/get-indicators.js';
import { authorize } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';
import { attachmentDisposition, xlsxMediaType } from './case-export.js';

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

  api.get(
    '/assessment/indicators.xlsx',
    {
      schema: {
        tags: ['assessment'],
        summary: '导出考评指标 The indicators as xlsx, the same numbers as GET /assessment/indicators (needs assessment:read)',
        description: `Answers ${xlsxMediaType}.`,
        querystring: indicatorsQuery,
      },
    },
    async (request, reply) => {
      await authorize(request, 'read', 'assessment');
      const dto = await getIndicators(ctx, request.query);
      const body = Buffer.from(await indicatorsWorkbook(dto).xlsx.writeBuffer());
      return reply.type(xlsxMediaType).header('content-disposition', attachmentDisposition(indicatorsFileName(dto), `indicators-${dto.subject}-${dto.from}-${dto.to}.xlsx`)).header('cache-control', 'no-store').send(body);
    },
  );

  api.get(
    '/assessment/cases',
    {
      schema: {
        tags: ['assessment'],
        summary: '指标明细 The cases behind one number: the events counted for a subject’s metric over a period, newest first (needs assessment:read)',
        description: '`total` equals the number the indicators show for that metric and period; one row per counted event (a case returned twice is listed twice).',
        querystring: assessmentCasesQuery,
        response: { 200: assessmentCasesDto },
      },
    },
    async (request) => {
      await authorize(request, 'read', 'assessment');
      return getAssessmentCases(ctx, request.query);
    },
  );

  api.get(
    '/assessment/annual',
    {
      schema: {
        tags: ['assessment'],
        summary: '年度考核 The year’s assessment: explained scores, ranking, 一票否决, 约谈 and 责任追究 lists (needs assessment:read)',
        description: 'Rules from the profile (rules.yaml, assessment); 409 NO_ASSESSMENT_RULES when the profile has none.',
        querystring: annualQuery,
        response: { 200: annualAssessmentDto },
      },
    },
    async (request) => {
      await authorize(request, 'read', 'assessment');
      return getAnnualAssessment(ctx, request.query.year);
    },
  );

  api.get(
    '/assessment/annual.xlsx',
    {
      schema: {
        tags: ['assessment'],
        summary: '导出年度考核 The year’s assessment as xlsx: ranking, score terms, 约谈名单, 责任追究 (needs assessment:read)',
        description: `Answers ${xlsxMediaType}.`,
        querystring: annualQuery,
      },
    },
    async (request, reply) => {
      await authorize(request, 'read', 'assessment');
      // the spreadsheet lists every case of the 约谈 and 责任追究 lists, not only the page's most recent
      const dto = await getAnnualAssessment(ctx, request.query.year, undefined, Infinity);
      const body = Buffer.from(await annualWorkbook(dto).xlsx.writeBuffer());
      return reply.type(xlsxMediaType).header('content-disposition', attachmentDisposition(`年度考核_${dto.year}.xlsx`, `assessment-${dto.year}.xlsx`)).header('cache-control', 'no-store').send(body);
    },
  );

  api.post(
    '/assessment/adjustments',
    {
      schema: {
        tags: ['assessment'],
        summary: '考核调整 A manual adjustment of a unit’s annual score, with a reason (supervisor only; audited; never edited — a later adjustment corrects it)',
        body: newAdjustmentBody,
        response: { 201: adjustmentDto },
      },
    },
    async (request, reply) => {
      const actor = await authorize(request, 'adjust', 'assessment');
      return reply.code(201).send(await adjustAnnualScore(ctx, actor, request.body, request.ip));
    },
  );
}
