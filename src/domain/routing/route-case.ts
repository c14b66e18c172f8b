/**
 * routeCase: WHO a case goes to, by the three rules (三个坚持) and the station ladder (小联勤联动).
 *
 * Order of the rules:
 *  1. returnCount >= rules.routing.designateAfterReturns → designation_required
 *     ('designate_after_returns'); the machine refuses plain dispatch from there on anyway.
 *  2. no category → designation_required ('designate_no_rule').
 *  3. the ladder (ladder.ts): the first rung that can take it gets it automatically.
 *     Returned units, missing or inactive units, and — for the station's forces — an escalated
 *     case skip their rung, so a unit that returned the case never gets it back automatically.
 *  4. every rung skipped → designation_required: 'designate_after_returns' when a return emptied
 *     the ladder, else 'designate_no_rule' (nobody exists who could take it).
 *
 * With the default threshold of 2 (rules.yaml), in practice:
 *  - 无序设摊 (CGZD owns and leads, SCS/SRS assist): CGZD + [SCS, SRS] → CGZD returned → DSF alone
 *    → DSF returned → designation. Assists are never promoted to lead.
 *  - lead ≠ owner: lead + [owner, assists] → lead returned → owner + [assists] → designation.
 *  - station-level: ST-<station> → returned → owner → returned → designation; when the station
 *    escalated instead of returning, owner → returned → DSF → returned → designation.
 * Assisting units are proposed only for cross-department cases (category lead/assists, or the
 * dispatcher's flag); the dispatcher's flag never skips the station's own forces.
 */
import type { Label } from '../case/vocabulary.js';
import { categoryCandidates, suggestAssists, unclassifiedCandidates } from './candidates.js';
import type { Rung } from './ladder.js';
import { buildLadder, climbLadder, crossDepartmentSource } from './ladder.js';
import { list, sentence } from './rule-text.js';
import type {
  DesignationRuleId,
  RoutingCategory,
  RoutingContext,
  RoutingDecision,
  RoutingFacts,
  RoutingInput,
} from './types.js';

export function routeCase(input: RoutingInput, ctx: RoutingContext): RoutingDecision {
  const { category } = input;
  const threshold = ctx.rules.designateAfterReturns;
  const facts: RoutingFacts = {
    categoryCode: category?.code ?? null,
    categoryField: null,
    stationCode: input.stationCode,
    crossDepartment: crossDepartmentSource(category, input),
    escalated: input.escalated ?? false,
    returnCount: input.returnCount,
    designateAfterReturns: threshold,
    returnedBy: [...input.returnedBy],
    skipped: [],
  };
  const candidates = (): string[] =>
    category ? categoryCandidates(category, input.stationCode, ctx) : unclassifiedCandidates(input.stationCode, ctx);

  if (input.returnCount >= threshold) {
    const main = {
      zh: `案件已退单 ${input.returnCount} 次（达到 ${threshold} 次），${designateZh(ctx)}`,
      en: `returned ${input.returnCount} times (limit ${threshold}); ${designateEn(ctx)}`,
    };
    return designation('designate_after_returns', candidates(), facts, main, ctx);
  }
  if (category === null) {
    const main = { zh: `案件未分类，没有可循的派单规则，${designateZh(ctx)}`, en: `not classified, no rule applies; ${designateEn(ctx)}` };
    return designation('designate_no_rule', candidates(), facts, main, ctx);
  }

  const { chosen, skipped } = climbLadder(buildLadder(category, input, ctx), input, ctx);
  facts.skipped = skipped;
  if (chosen === null) {
    const byReturn = skipped.some((s) => s.reason === 'returned');
    const main = byReturn
      ? { zh: `没有未退过单的承办单位，${designateZh(ctx)}`, en: `no unit left that has not returned it; ${designateEn(ctx)}` }
      : {
          zh: `类别「${category.code}」没有可派遣的单位，${designateZh(ctx)}`,
          en: `no unit can take category ${category.code}; ${designateEn(ctx)}`,
        };
    return designation(byReturn ? 'designate_after_returns' : 'designate_no_rule', candidates(), facts, main, ctx);
  }

  // assistants only where the matter is cross-department, and never a unit that returned it
  const assistUnits =
    facts.crossDepartment !== null && (chosen.rule === 'lead' || chosen.rule === 'owner')
      ? suggestAssists(category, chosen.unit, ctx, input.returnedBy)
      : [];
  facts.categoryField = fieldOf(chosen, category);
  return {
    kind: 'auto',
    rule: chosen.rule,
    leadUnit: chosen.unit,
    assistUnits,
    facts,
    explanation: sentence(chosen.rule, facts, autoMain(chosen, assistUnits, category, facts)),
  };
}

function fieldOf(rung: Rung, category: RoutingCategory): RoutingFacts['categoryField'] {
  switch (rung.role) {
    case 'station_team':
      return 'stationLevel';
    case 'lead':
      return category.lead ? 'lead' : 'owner';
    case 'owner':
      return 'owner';
    case 'fallback':
      return null;
  }
}

function autoMain(rung: Rung & { unit: string }, assists: string[], category: RoutingCategory, facts: RoutingFacts): Label {
  const c = category.code;
  const u = rung.unit;
  switch (rung.rule) {
    case 'station_forces':
      return {
        zh: `站级类别「${c}」先由 ${facts.stationCode} 站自有力量 ${u} 就地处置`,
        en: `station-level category ${c} goes first to station ${facts.stationCode}'s own forces ${u}`,
      };
    case 'lead': {
      const why =
        facts.crossDepartment === 'dispatcher'
          ? { zh: '派单员标记为跨部门', en: 'flagged cross-department' }
          : { zh: '责任交叉跨部门', en: 'cross-department' };
      const with_ =
        assists.length > 0
          ? { zh: `召集协办单位 ${list(assists, 'zh')} 研究工作方案、共同办理`, en: `convening assisting units ${list(assists, 'en')}` }
          : { zh: '召集相关单位办理（协办单位由派单员选定）', en: 'convening the units concerned (chosen by the dispatcher)' };
      return { zh: `类别「${c}」${why.zh}，由牵头部门 ${u} ${with_.zh}`, en: `category ${c} is ${why.en}: lead unit ${u}, ${with_.en}` };
    }
    case 'owner':
      return assists.length > 0
        ? {
            zh: `类别「${c}」由主管部门 ${u} 办理，协办单位 ${list(assists, 'zh')}`,
            en: `category ${c} goes to its owner ${u}, assisted by ${list(assists, 'en')}`,
          }
        : { zh: `类别「${c}」由主管部门 ${u} 办理`, en: `category ${c} goes to its owner ${u}` };
    case 'fallback':
      return { zh: `类别「${c}」由兜底单位 ${u} 办理`, en: `category ${c} goes to the fallback unit ${u}` };
  }
}

function designateZh(ctx: RoutingContext): string {
  return `须由 ${ctx.rules.centerUnit} 指挥协调组指定承办单位（首接责任制，被指定单位不得退单）`;
}
function designateEn(ctx: RoutingContext): string {
  return `a coordinator of ${ctx.rules.centerUnit} must designate a unit, which may not return it`;
}

function designation(
  rule: DesignationRuleId,
  candidates: string[],
  facts: RoutingFacts,
  main: Label,
  ctx: RoutingContext,
): RoutingDecision {
  return {
    kind: 'designation_required',
    rule,
    candidates,
    designatedBy: ctx.rules.centerUnit,
    facts,
    explanation: sentence(rule, facts, main),
  };
}
