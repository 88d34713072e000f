// ECharts, tree-shaken to what the console draws, rendered as SVG (crisp at any zoom, text stays text), with
// ECharts' own ARIA description of each chart for screen readers.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { t } from './i18n.js';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast). */
const COLORS = ['#1f5fa8', '#b35900', '#2e7d32', '#6a1b9a', '#c62828'];

const charts = new Set<echarts.ECharts>();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

function mount(el: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption({ color: COLORS, aria: { enabled: true }, animation: false, ...option });
  charts.add(chart);
  return chart;
}

export interface CurveBound {
  kind: 'MAX_SHARE' | 'MIN_SHARE' | 'MAX_COUNT' | 'MIN_COUNT';
  value: number;
  predikat: string[];
}

/**
 * One population: the share of each predikat (bars), the national pattern (line) and the pinned curve's bounds
 * for its unit predikat (markers; a bound on several predikat together sits on the first and names them all).
 */
export function distributionChart(
  el: HTMLElement,
  input: { shares: Record<string, number>; rated: number; national: Record<string, number>; bounds: CurveBound[] },
) {
  const pct = (share: number) => Math.round(share * 1000) / 10;
  const boundPoints = (max: boolean) =>
    input.bounds
      .filter((b) => (b.kind === 'MAX_SHARE' || b.kind === 'MAX_COUNT') === max)
      .map((b) => {
        const value = b.kind.endsWith('SHARE') ? b.value : input.rated > 0 ? pct(b.value / input.rated) : 0;
        return { value: [b.predikat[0], value], name: b.predikat.join(' + ') };
      });
  return mount(el, {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: [...PREDIKAT], axisLabel: { interval: 0, rotate: 15 } },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { name: t('actualShare'), type: 'bar', data: PREDIKAT.map((p) => pct(input.shares[p] ?? 0)) },
      { name: t('nationalPattern'), type: 'line', data: PREDIKAT.map((p) => pct(input.national[p] ?? 0)) },
      {
        name: t('curveMax'),
        type: 'scatter',
        symbol: 'triangle',
        symbolRotate: 180,
        symbolSize: 16,
        data: boundPoints(true),
      },
      { name: t('curveMin'), type: 'scatter', symbol: 'triangle', symbolSize: 16, data: boundPoints(false) },
    ],
  });
}

/** Per rater: the shrunk effect (point) and its 95% interval (error bar, drawn by a custom series). */
export function raterEffectsChart(
  el: HTMLElement,
  effects: { label: string; effect: number; interval: [number, number]; flag: string | null }[],
) {
  const labels = effects.map((e) => e.label);
  return mount(el, {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 45 } },
    yAxis: { type: 'value', name: 'SD' },
    series: [
      {
        name: t('interval'),
        type: 'custom',
        data: effects.map((e, i) => [i, e.interval[0], e.interval[1]]),
        renderItem: (
          _params: unknown,
          api: { value(i: number): number; coord(p: [number, number]): number[]; style(): object },
        ) => {
          const low = api.coord([api.value(0), api.value(1)]);
          const high = api.coord([api.value(0), api.value(2)]);
          const style = { ...api.style(), stroke: '#333', lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - 5, y1: low[1], x2: low[0] + 5, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - 5, y1: high[1], x2: high[0] + 5, y2: high[1] }, style },
            ],
          };
        },
        encode: { x: 0, y: [1, 2] },
        z: 1,
      },
      {
        name: t('effect'),
        type: 'scatter',
        symbolSize: 10,
        data: effects.map((e) => ({ value: e.effect, itemStyle: e.flag ? { color: '#c62828' } : undefined })),
        z: 2,
      },
    ],
  });
}

export function disposeCharts(): void {
  charts.forEach((c) => c.dispose());
  charts.clear();
}
