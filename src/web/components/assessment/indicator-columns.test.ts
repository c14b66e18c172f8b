import { describe, expect, it } from 'vitest';
import { bestOrder, chartRows, columnsOf, inspectorColumns, lastPlaceKeys, placesOf, rankBy, sortedKeys, stationColumns, sumOf, unitColumns, type UnitIndicators } from './indicator-columns.js';

function unit(patch: Partial<UnitIndicators> = {}, rates: Partial<UnitIndicators['rates']> = {}): UnitIndicators {
  return {
    dispatched: 0, accepted: 0, acceptedOnTime: 0, handled: 0, handledOnTime: 0, closed: 0, closedOnTime: 0, due: 0, suspended: 0, returned: 0, reworked: 0,
    extensionRequested: 0, extended: 0, overdue: 0, designated: 0, ledJoint: 0, assisted: 0, proactive: 0,
    visits: { satisfied: 0, dissatisfied: 0, unreachable: 0 },
    ...patch,
    rates: { onTimeClosure: null, closure: null, acceptOnTime: null, handleOnTime: null, rework: null, return: null, extension: null, satisfaction: null, proactive: null, ...rates },
  };
}
const col = (key: string) => unitColumns.find((c) => c.key === key)!;

describe('indicator columns', () => {
  it('has the columns the issue names, in order, per subject', () => {
    expect(unitColumns.map((c) => c.key)).toEqual(['dispatched', 'acceptOnTime', 'handleOnTime', 'onTimeClosure', 'closure', 'rework', 'return', 'extension', 'overdue', 'satisfaction', 'proactive']);
    expect(stationColumns.map((c) => c.key)).toEqual(['reported', 'stationProactive', 'proactiveShare']);
    expect(inspectorColumns.map((c) => c.key)).toEqual(['reports', 'validReports', 'verified', 'verifyOnTime']);
    expect(columnsOf('station')).toBe(stationColumns);
    expect(unitColumns.filter((c) => c.lowerIsBetter).map((c) => c.key)).toEqual(['rework', 'return', 'extension', 'overdue']);
  });

  it('leads every number to its metric: 按期结案率 = 按期结案 ÷ (应结案 − 挂账), 满意率 = 满意 ÷ (满意 + 不满意)', () => {
    const i = unit({ closedOnTime: 7, due: 9, suspended: 1, visits: { satisfied: 3, dissatisfied: 1, unreachable: 2 } }, { onTimeClosure: 7 / 8, satisfaction: 0.75 });
    const onTime = col('onTimeClosure').cell(i);
    expect(onTime).toEqual({
      kind: 'rate',
      value: 7 / 8,
      numerator: [{ metric: 'closed_on_time', value: 7, sign: 1 }],
      denominator: [
        { metric: 'due', value: 9, sign: 1 },
        { metric: 'suspended', value: 1, sign: -1 },
      ],
    });
    expect(onTime.kind === 'rate' && sumOf(onTime.denominator)).toBe(8);
    const sat = col('satisfaction').cell(i);
    expect(sat.kind === 'rate' && sat.denominator.map((t) => t.metric)).toEqual(['visit:satisfied', 'visit:dissatisfied']);
    expect(sat.kind === 'rate' && sumOf(sat.denominator)).toBe(4);
    expect(col('overdue').cell(unit({ overdue: 2 }))).toEqual({ kind: 'count', value: 2, terms: [{ metric: 'overdue', value: 2, sign: 1 }] });
  });

  it('counts an inspector’s valid reports as reports − voided, each part its own metric', () => {
    const valid = inspectorColumns.find((c) => c.key === 'validReports')!.cell({ reports: 10, voided: 3, validReports: 7, verified: 4, verifiedOnTime: 3, verifyOnTime: 0.75 });
    expect(valid).toEqual({ kind: 'count', value: 7, terms: [{ metric: 'reports', value: 10, sign: 1 }, { metric: 'reports_voided', value: 3, sign: -1 }] });
  });

  it('ranks best first (lower first where less is better), the uncounted last, ties by name', () => {
    const items = [
      { key: 'A', name: '甲', indicators: unit({}, { onTimeClosure: 0.9, rework: 0.2 }) },
      { key: 'B', name: '乙', indicators: unit({}, { onTimeClosure: null, rework: null }) },
      { key: 'C', name: '丙', indicators: unit({}, { onTimeClosure: 0.95, rework: 0.1 }) },
      { key: 'D', name: '丁', indicators: unit({}, { onTimeClosure: 0.9, rework: 0.3 }) },
    ];
    const byOnTime = rankBy(items, col('onTimeClosure'));
    // 丁 (dīng) sorts before 甲 (jiǎ) in Chinese order
    expect(byOnTime.map((r) => r.key)).toEqual(['C', 'D', 'A', 'B']);
    expect([...placesOf(byOnTime).entries()]).toEqual([['C', 1], ['D', 2], ['A', 2], ['B', null]]);
    const byRework = rankBy(items, col('rework'));
    expect(byRework.map((r) => r.key)).toEqual(['C', 'A', 'D', 'B']);
    expect(bestOrder(col('rework'))).toBe('ascending');
    expect(bestOrder(col('onTimeClosure'))).toBe('descending');
    // the other order turns the counted round and keeps the uncounted last
    expect(sortedKeys(byOnTime, col('onTimeClosure'), 'descending')).toEqual(['C', 'D', 'A', 'B']);
    expect(sortedKeys(byOnTime, col('onTimeClosure'), 'ascending')).toEqual(['A', 'D', 'C', 'B']);
  });

  it('finds the last place(s): all who share the worst value, nobody when all share the first', () => {
    expect([...lastPlaceKeys([{ key: 'A', name: '甲', value: 0.9 }, { key: 'B', name: '乙', value: 0.5 }, { key: 'C', name: '丙', value: 0.5 }, { key: 'D', name: '丁', value: null }])]).toEqual(['B', 'C']);
    expect([...lastPlaceKeys([{ key: 'A', name: '甲', value: 10 }, { key: 'B', name: '乙', value: 10 }])]).toEqual([]);
    expect([...lastPlaceKeys([])]).toEqual([]);
  });

  it('charts the counted, and of a count only those above zero', () => {
    const rows = [{ key: 'A', name: '甲', value: 3 }, { key: 'B', name: '乙', value: 0 }, { key: 'C', name: '丙', value: null }];
    expect(chartRows(rows, col('dispatched')).map((r) => r.key)).toEqual(['A']);
    expect(chartRows(rows, col('closure')).map((r) => r.key)).toEqual(['A', 'B']);
  });
});
