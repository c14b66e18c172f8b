/**
 * ECharts for the screen, with only what it draws (bar and line charts, grid, tooltip, legend) on
 * the canvas renderer, and the dark command-center look shared by its charts.
 */
import { computed, inject, type ComputedRef } from 'vue';
import { use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import { canvasScaleKey } from './canvas.js';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { VChart };

export const chartColours = { cyan: '#22d3ee', blue: '#3b82f6', green: '#34d399', yellow: '#fbbf24', red: '#f87171', text: '#b9d3f2', axis: '#2b4a75', split: 'rgba(64, 120, 190, 0.18)' };

export const axisStyle = {
  axisLine: { lineStyle: { color: chartColours.axis } },
  axisTick: { show: false },
  axisLabel: { color: chartColours.text, fontSize: 15 },
  splitLine: { lineStyle: { color: chartColours.split } },
};

/** The canvas is drawn at the wall's real pixel density (the design canvas may be scaled ×2 on a 4K wall). */
export function useChartInit(): ComputedRef<{ devicePixelRatio: number }> {
  const fit = inject(canvasScaleKey, null);
  return computed(() => ({ devicePixelRatio: Math.max(1, Math.ceil((fit?.value.scale ?? 1) * (window.devicePixelRatio || 1))) }));
}

/** Horizontal bars of today's new and the open cases per label (channels, categories), top row first. */
export function newAndOpenBars(rows: ReadonlyArray<{ label: string; new: number; open: number }>, names: { new: string; open: string }, look: { newColour: string; barWidth: number; fontSize: number; barGap?: string }) {
  const list = [...rows].reverse();
  const label = (color: string) => ({ show: true, position: 'right', color, fontSize: look.fontSize });
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: chartColours.text, fontSize: 15 } },
    xAxis: { type: 'value', minInterval: 1, ...axisStyle },
    yAxis: { type: 'category', data: list.map((r) => r.label), ...axisStyle },
    series: [
      { name: names.new, type: 'bar', data: list.map((r) => r.new), barMaxWidth: look.barWidth, ...(look.barGap ? { barGap: look.barGap } : {}), itemStyle: { color: look.newColour }, label: label(look.newColour) },
      { name: names.open, type: 'bar', data: list.map((r) => r.open), barMaxWidth: look.barWidth, itemStyle: { color: chartColours.blue }, label: label('#93c5fd') },
    ],
  };
}
