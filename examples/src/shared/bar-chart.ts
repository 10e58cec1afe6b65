import { chartFont, escapeXml } from './svg.js';

/** One bar of a {@link renderBarChart}: the mean of `values`, its spread, and each value as a dot. */
export interface Bar {
  readonly label: string;
  /** One value per run (seed); the bar is their mean, the whisker ± one standard deviation. */
  readonly values: readonly number[];
  readonly color: string;
}

/** What {@link renderBarChart} draws. */
export interface BarChartOptions {
  readonly title: string;
  readonly yLabel: string;
  readonly bars: readonly Bar[];
  /** The y axis range; default from 0 to a little above the largest value. */
  readonly yRange?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
}

/** Mean and sample standard deviation (0 for one value). */
export function meanAndSpread(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.length < 2 ? 0 : values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, std: Math.sqrt(variance) };
}

/**
 * A bar chart as SVG text: one bar per entry at the mean of its values, a whisker of ± one sample
 * standard deviation, every single value as a dot, and the mean written above the bar.
 */
export function renderBarChart(options: BarChartOptions): string {
  const width = options.width ?? 800;
  const height = options.height ?? 500;
  const margin = { left: 80, right: 24, top: 48, bottom: 70 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const all = options.bars.flatMap((bar) => bar.values);
  const [yMin, yMax] = options.yRange ?? [0, Math.max(...all) * 1.1 || 1];
  const py = (v: number): number => margin.top + (1 - (Math.min(Math.max(v, yMin), yMax) - yMin) / (yMax - yMin)) * plotHeight;
  const slot = plotWidth / options.bars.length;
  const barWidth = slot * 0.55;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${chartFont}">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="28" font-size="18" text-anchor="middle" fill="#222">${escapeXml(options.title)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const tick = yMin + ((yMax - yMin) * i) / 5;
    const y = py(tick).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y}" font-size="13" text-anchor="end" dominant-baseline="middle" fill="#333">${tick.toPrecision(3)}</text>`);
  }
  options.bars.forEach((bar, i) => {
    const { mean, std } = meanAndSpread(bar.values);
    const center = margin.left + slot * (i + 0.5);
    const top = py(mean);
    parts.push(`<rect x="${(center - barWidth / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(margin.top + plotHeight - top).toFixed(1)}" fill="${bar.color}" fill-opacity="0.8"/>`);
    if (std > 0) {
      const [low, high] = [py(mean - std), py(mean + std)];
      parts.push(`<line x1="${center}" x2="${center}" y1="${low.toFixed(1)}" y2="${high.toFixed(1)}" stroke="#222" stroke-width="2"/>`);
      for (const y of [low, high]) parts.push(`<line x1="${center - 10}" x2="${center + 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#222" stroke-width="2"/>`);
    }
    bar.values.forEach((value, j) => {
      const x = center + (j - (bar.values.length - 1) / 2) * 12;
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${py(value).toFixed(1)}" r="4" fill="#ffffff" stroke="#222" stroke-width="1.5"/>`);
    });
    parts.push(`<text x="${center}" y="${(py(mean + std) - 10).toFixed(1)}" font-size="14" text-anchor="middle" fill="#222">${mean.toFixed(3)}</text>`);
    parts.push(`<text x="${center}" y="${margin.top + plotHeight + 22}" font-size="14" text-anchor="middle" fill="#222">${escapeXml(bar.label)}</text>`);
  });
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  parts.push(
    `<text x="20" y="${margin.top + plotHeight / 2}" font-size="15" text-anchor="middle" fill="#222" transform="rotate(-90 20 ${margin.top + plotHeight / 2})">${escapeXml(options.yLabel)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}
