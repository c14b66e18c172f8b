/**
 * ECharts for the assessment pages, registered like the screen's (only bar and line charts, grid,
 * tooltip, legend, on the canvas renderer), in the console's light look; the option builders are pure.
 */
import { use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import { lastPlaceKeys, type RankedRow } from './indicator-columns.js';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { VChart };

const colours = { bar: '#1859b6', last: '#d9363e', line: ['#1859b6', '#2e9d5b', '#d48806', '#8e44ad'], text: '#4b5668', split: '#ebeef5' };

/** 87.3 for a rate of 0.873 (one decimal), the count itself for a count. */
export function chartValue(value: number | null, isRate: boolean): number | null {
  if (value === null) return null;
  return isRate ? Math.round(value * 1000) / 10 : value;
}

/**
 * Horizontal bars of a best-first ranking, best at the top and the last place(s) in red; a rate that
 * could not be counted has no bar.
 */
export function rankingBars(rows: readonly RankedRow[], look: { isRate: boolean; seriesName: string }) {
  const list = [...rows].reverse();
  const last = lastPlaceKeys(rows);
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : look.isRate ? `${String(v)}%` : String(v)) },
    xAxis: { type: 'value', minInterval: 1, ...(look.isRate ? { max: 100, axisLabel: { formatter: '{value}%', color: colours.text } } : { axisLabel: { color: colours.text } }), splitLine: { lineStyle: { color: colours.split } } },
    yAxis: { type: 'category', data: list.map((r) => r.name), axisTick: { show: false }, axisLabel: { color: colours.text, width: 110, overflow: 'truncate' } },
    series: [
      {
        name: look.seriesName,
        type: 'bar',
        barMaxWidth: 16,
        data: list.map((r) => ({ value: chartValue(r.value, look.isRate) ?? '-', itemStyle: { color: last.has(r.key) ? colours.last : colours.bar } })),
        label: { show: true, position: 'right', color: colours.text, formatter: (p: { value: unknown }) => (p.value === '-' ? '—' : look.isRate ? `${String(p.value)}%` : String(p.value)) },
      },
    ],
  };
}

export interface TrendSeries {
  name: string;
  /** one value per month, a rate 0–1 or null */
  rates: Array<number | null>;
}

/** Month by month: the rates as lines (left axis, %), the dispatched count as bars (right axis). */
export function trendChart(monthLabels: readonly string[], lines: readonly TrendSeries[], bars: { name: string; counts: number[] }) {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: colours.text } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...monthLabels], axisTick: { show: false }, axisLabel: { color: colours.text } },
    yAxis: [
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: colours.text }, splitLine: { lineStyle: { color: colours.split } } },
      { type: 'value', minInterval: 1, axisLabel: { color: colours.text }, splitLine: { show: false } },
    ],
    series: [
      { name: bars.name, type: 'bar', yAxisIndex: 1, barMaxWidth: 18, data: bars.counts, itemStyle: { color: '#c6d7f0' } },
      ...lines.map((l, i) => ({ name: l.name, type: 'line', yAxisIndex: 0, connectNulls: false, symbolSize: 6, data: l.rates.map((r) => chartValue(r, true) ?? '-'), itemStyle: { color: colours.line[i % colours.line.length] } })),
    ],
  };
}
