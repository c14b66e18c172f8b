/**
 * The case list as a spreadsheet: Chinese column headers with the domain's own labels, one row per
 * case from the same summary the list shows (reporter masked, live deadline light), times in Beijing
 * time as real Excel dates. Written row by row with exceljs's streaming writer.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CaseSummaryDto } from '../../contracts/cases.js';
import { channelLabels, deadlineLight, deadlineLightLabels, statusLabels, urgencyLabels } from '../../domain/case/vocabulary.js';
import { SHANGHAI_OFFSET_MS } from '../../domain/calendar/local-time.js';

type CellValue = string | Date | null;

interface Column {
  header: string;
  width: number;
  value: (c: CaseSummaryDto) => CellValue;
  date?: true;
}

/** An ISO instant as an Excel date that reads as Beijing wall-clock time (Excel dates have no zone). */
export const beijingCellDate = (iso: string): Date => new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
const dateOrNull = (iso: string | null): Date | null => (iso ? beijingCellDate(iso) : null);

export const caseColumns: readonly Column[] = [
  { header: '案件编号', width: 20, value: (c) => c.caseNo },
  { header: '渠道', width: 14, value: (c) => channelLabels[c.channel].zh },
  { header: '外部工单号', width: 18, value: (c) => c.externalId },
  { header: '类别', width: 18, value: (c) => c.category?.name ?? null },
  { header: '紧急程度', width: 9, value: (c) => urgencyLabels[c.urgency].zh },
  { header: '状态', width: 13, value: (c) => statusLabels[c.status].zh },
  { header: '红黄灯', width: 8, value: (c) => deadlineLightLabels[deadlineLight(c.deadlineState, c.status)].zh },
  { header: '站点', width: 10, value: (c) => (c.station ? (c.station.name ?? c.station.code) : null) },
  { header: '网格', width: 16, value: (c) => (c.grid ? (c.grid.name ?? c.grid.code) : null) },
  { header: '主办单位', width: 16, value: (c) => (c.leadUnit ? (c.leadUnit.name ?? c.leadUnit.code) : null) },
  { header: '协办单位', width: 20, value: (c) => c.assistUnits.map((u) => u.name ?? u.code).join('、') || null },
  { header: '上报时间', width: 17, value: (c) => beijingCellDate(c.reportedAt), date: true },
  { header: '结案时间', width: 17, value: (c) => dateOrNull(c.closedAt), date: true },
  { header: '地址', width: 30, value: (c) => c.address },
  { header: '描述', width: 60, value: (c) => c.description },
  { header: '报告人', width: 10, value: (c) => c.reporter?.name ?? null },
  { header: '联系电话', width: 14, value: (c) => c.reporter?.phone ?? null },
];

export interface CaseSheetWriter {
  add(c: CaseSummaryDto): void;
  finish(): Promise<void>;
}

/** Opens a workbook on `out` with one sheet 案件清单: frozen, filterable, bold header row. */
export function openCaseWorkbook(out: Writable): CaseSheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '城运平台';
  const sheet = workbook.addWorksheet('案件清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = caseColumns.map((c, i) => ({ header: c.header, key: String(i), width: c.width, ...(c.date ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: caseColumns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();
  return {
    add(c) {
      sheet.addRow(caseColumns.map((col) => col.value(c))).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
