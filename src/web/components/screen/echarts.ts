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
