import { describe, expect, it } from 'vitest';
import { chartValue, rankingBars, trendChart } from './charts.js';

describe('assessment charts', () => {
  it('draws the ranking best on top, the last counted place in red, an uncounted row without a bar', () => {
    const option = rankingBars(
      [
        { key: 'C', name: '丙', value: 0.95 },
        { key: 'A', name: '甲', value: 0.875 },
        { key: 'D', name: '丁', value: 0.5 },
        { key: 'B', name: '乙', value: null },
      ],
      { isRate: true, seriesName: '按期结案率' },
    );
    // ECharts draws a category axis bottom-up: the list is reversed so the best is on top
    expect(option.yAxis.data).toEqual(['乙', '丁', '甲', '丙']);
    const data = option.series[0]!.data;
    expect(data.map((d) => d.value)).toEqual(['-', 50, 87.5, 95]);
    expect(data.map((d) => d.itemStyle.color)).toEqual(['#1859b6', '#d9363e', '#1859b6', '#1859b6']);
    expect(option.xAxis).toMatchObject({ max: 100 });
  });

  it('marks nobody last when only one row could be counted', () => {
    const option = rankingBars([{ key: 'A', name: '甲', value: 3 }], { isRate: false, seriesName: '派单数' });
    expect(option.series[0]!.data[0]!.itemStyle.color).toBe('#1859b6');
    expect(option.series[0]!.data[0]!.value).toBe(3);
  });

  it('gives rates as percentages with one decimal and the trend one point per month', () => {
    expect(chartValue(0.8734, true)).toBe(87.3);
    expect(chartValue(12, false)).toBe(12);
    expect(chartValue(null, true)).toBeNull();
    const trend = trendChart(['1月', '2月'], [{ name: '满意率', rates: [0.5, null] }], { name: '派单数', counts: [4, 0] });
    expect(trend.xAxis.data).toEqual(['1月', '2月']);
    expect(trend.series[0]!.data).toEqual([4, 0]);
    expect(trend.series[1]!.data).toEqual([50, '-']);
  });
});
