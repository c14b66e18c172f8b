/**
 * The assessment as spreadsheets, with the same numbers as the pages: a period's indicators (one
 * row per unit, station or inspector), and the annual assessment (ranking, every score's terms,
 * the 约谈 and 责任追究 lists). Chinese headers; rates as Excel percentages.
 */
import ExcelJS from 'exceljs';
import type { AnnualAssessmentDto, IndicatorsDto } from '../../contracts/assessment.js';
import { channelLabels, dissatisfiedCauseLabels, statusLabels, type CaseStatus, type Channel, type DissatisfiedCause } from '../../domain/case/vocabulary.js';

type Value = string | number | null;
interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => Value;
  percent?: true;
}

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: ReadonlyArray<Column<T>>, rows: readonly T[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width, ...(c.percent ? { style: { numFmt: '0.0%' } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

type Item = IndicatorsDto['items'][number];
type UnitX = Extract<Item['indicators'], { dispatched: number }>;
type StationX = Extract<Item['indicators'], { proactiveShare: number | null }>;
type InspectorX = Extract<Item['indicators'], { validReports: number }>;

const name: Column<Item> = { header: '名称', width: 16, value: (r) => r.name };
const code: Column<Item> = { header: '编码', width: 12, value: (r) => r.key };
const u = (header: string, f: (x: UnitX) => Value, percent?: true): Column<Item> => ({ header, width: percent ? 11 : 9, value: (r) => f(r.indicators as UnitX), ...(percent ? { percent } : {}) });
const s = (header: string, f: (x: StationX) => Value, percent?: true): Column<Item> => ({ header, width: 11, value: (r) => f(r.indicators as StationX), ...(percent ? { percent } : {}) });
const i = (header: string, f: (x: InspectorX) => Value, percent?: true): Column<Item> => ({ header, width: 11, value: (r) => f(r.indicators as InspectorX), ...(percent ? { percent } : {}) });

const indicatorColumns: Record<IndicatorsDto['subject'], ReadonlyArray<Column<Item>>> = {
  unit: [
    name, code,
    u('派单数', (x) => x.dispatched), u('签收数', (x) => x.accepted), u('按时签收', (x) => x.acceptedOnTime), u('签收及时率', (x) => x.rates.acceptOnTime, true),
    u('处置数', (x) => x.handled), u('按时处置', (x) => x.handledOnTime), u('处置及时率', (x) => x.rates.handleOnTime, true),
    u('应结案', (x) => x.due), u('挂账', (x) => x.suspended), u('按期结案', (x) => x.closedOnTime), u('按期结案率', (x) => x.rates.onTimeClosure, true),
    u('结案数', (x) => x.closed), u('结案率', (x) => x.rates.closure, true), u('返工', (x) => x.reworked), u('返工率', (x) => x.rates.rework, true),
    u('退单', (x) => x.returned), u('退单率', (x) => x.rates.return, true), u('申请延期', (x) => x.extensionRequested), u('延期率', (x) => x.rates.extension, true),
    u('超期', (x) => x.overdue), u('满意', (x) => x.visits.satisfied), u('不满意', (x) => x.visits.dissatisfied), u('满意率', (x) => x.rates.satisfaction, true),
    u('主动发现', (x) => x.proactive), u('主动发现率', (x) => x.rates.proactive, true), u('牵头跨部门', (x) => x.ledJoint),
  ],
  station: [name, code, s('上报数', (x) => x.reported), s('主动发现', (x) => x.proactive), s('主动发现率', (x) => x.proactiveShare, true)],
  inspector: [
    name,
    i('上报', (x) => x.reports), i('作废', (x) => x.voided), i('有效上报', (x) => x.validReports), i('核查', (x) => x.verified), i('按时核查', (x) => x.verifiedOnTime), i('核查及时率', (x) => x.verifyOnTime, true),
  ],
};

const subjectNames: Record<IndicatorsDto['subject'], string> = { unit: '单位', station: '管理站', inspector: '巡查员' };

export function indicatorsWorkbook(dto: IndicatorsDto): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '城运平台';
  addSheet(workbook, `${subjectNames[dto.subject]}考评指标`, indicatorColumns[dto.subject], dto.items);
  return workbook;
}

export function indicatorsFileName(dto: IndicatorsDto): string {
  return `考评指标_${subjectNames[dto.subject]}_${dto.from}_${dto.to}.xlsx`;
}

type Unit = AnnualAssessmentDto['units'][number];
const causeLabel = (c: string) => dissatisfiedCauseLabels[c as DissatisfiedCause]?.zh ?? c;
const statusLabel = (st: string) => statusLabels[st as CaseStatus]?.zh ?? st;

export function annualWorkbook(dto: AnnualAssessmentDto): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '城运平台';
  addSheet<Unit>(workbook, '年度排名', [
    { header: '名次', width: 6, value: (x) => x.rank },
    { header: '单位', width: 16, value: (x) => x.name },
    { header: '编码', width: 10, value: (x) => x.unitCode },
    { header: '派单数', width: 8, value: (x) => x.dispatched },
    { header: '指标得分', width: 9, value: (x) => x.base },
    { header: '加分', width: 7, value: (x) => x.bonus.points },
    { header: '调整', width: 7, value: (x) => x.adjustmentPoints },
    { header: '总分', width: 8, value: (x) => x.score },
    { header: '一票否决', width: 9, value: (x) => (x.veto ? '是' : '') },
    { header: '说明', width: 30, value: (x) => (x.ranked ? null : `派单少于 ${dto.rules.minimumDispatched} 件，不参加排名`) },
  ], dto.units);
  const terms = dto.units.flatMap((x) => [
    ...x.terms.map((t) => ({ unit: x.name, item: t.explanation.zh, points: t.points })),
    ...x.bonus.items.map((b) => ({ unit: x.name, item: `加分：${b.explanation.zh}`, points: b.points })),
    ...(x.bonus.capped ? [{ unit: x.name, item: `加分合计超过上限，按 ${x.bonus.points} 分计`, points: x.bonus.points }] : []),
    ...x.adjustments.map((a) => ({ unit: x.name, item: `调整：${a.reason}（${a.by.name}）`, points: a.points })),
  ]);
  addSheet(workbook, '得分明细', [
    { header: '单位', width: 16, value: (r: (typeof terms)[number]) => r.unit },
    { header: '计分项', width: 80, value: (r) => r.item },
    { header: '分值', width: 8, value: (r) => r.points },
  ], terms);
  const interviews = dto.interviews.flatMap((x) => x.cases.map((c) => ({ x, c })));
  addSheet(workbook, '约谈名单', [
    { header: '单位', width: 16, value: (r: (typeof interviews)[number]) => r.x.name },
    { header: '约谈领导', width: 12, value: (r) => r.x.leader?.name ?? null },
    { header: '职务', width: 30, value: (r) => r.x.leader?.position ?? null },
    { header: '案件编号', width: 18, value: (r) => r.c.caseNo },
    { header: '类别', width: 16, value: (r) => r.c.categoryName },
    { header: '不满意原因', width: 12, value: (r) => causeLabel(r.c.cause) },
    { header: '回访记录', width: 40, value: (r) => r.c.note },
  ], interviews);
  const accountability = dto.accountability.flatMap((x) => [
    ...x.foundLate.map((c) => ({ unit: x.name, kind: '发现不及时', caseNo: c.caseNo, category: c.categoryName, detail: `群众先反映：${channelLabels[c.channel as Channel]?.zh ?? c.channel}` })),
    ...x.unresolved.map((c) => ({ unit: x.name, kind: '落实不到位', caseNo: c.caseNo, category: c.categoryName, detail: `处置超期，${statusLabel(c.status)}` })),
  ]);
  addSheet(workbook, '责任追究', [
    { header: '单位', width: 16, value: (r: (typeof accountability)[number]) => r.unit },
    { header: '情形', width: 12, value: (r) => r.kind },
    { header: '案件编号', width: 18, value: (r) => r.caseNo },
    { header: '类别', width: 16, value: (r) => r.category },
    { header: '说明', width: 30, value: (r) => r.detail },
  ], accountability);
  return workbook;
}
