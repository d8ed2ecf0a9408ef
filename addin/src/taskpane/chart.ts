// Draws one series with uPlot (small and fast for thousands of points).
import uPlot from 'uplot';
import { isoToUtc } from '../shared/dates.js';

let current: uPlot | undefined;

export function drawSeriesChart(container: HTMLElement, label: string, dates: readonly string[], values: readonly (number | null)[]): uPlot {
  current?.destroy();
  const xs = dates.map((d) => isoToUtc(d)! / 1000); // uPlot's time axis is in seconds
  const width = Math.max(200, container.clientWidth || 300);
  current = new uPlot(
    {
      width,
      height: 200,
      legend: { show: false },
      series: [{}, { label, stroke: '#007a87', width: 1.5, spanGaps: true }],
      axes: [{ size: 28 }, { size: 50 }],
    },
    [xs, values as (number | null)[]],
    container,
  );
  return current;
}
