import { chartFont as font, escapeXml } from './svg.js';

/** One class of points of a {@link renderScatterPlot}. */
export interface ScatterGroup {
  readonly label: string;
  readonly color: string;
}

/** What {@link renderScatterPlot} draws. */
export interface ScatterPlotOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** `x[i], y[i]` is point i, drawn in the colour of `groups[group[i]]`. */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly group: ArrayLike<number>;
  readonly groups: readonly ScatterGroup[];
  /** Dot radius in pixels. Default 2. */
  readonly radius?: number;
  /** Dot opacity. Default 0.6. */
  readonly opacity?: number;
  readonly width?: number;
  readonly height?: number;
}

/** The ten colours of matplotlib's `tab10`, for ten classes. */
export const tab10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;


/** Round tick values: about `count` of them covering [min, max]. */
function ticks(min: number, max: number, count: number): number[] {
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * A scatter plot as SVG text (rasterise it with `svgToPng` from ./line-plot.ts): one dot per
 * point, coloured by its group, with a legend on the right, axis ticks and labels. Points with a
 * non-finite coordinate are skipped. Points are drawn in a fixed shuffled order, so no class
 * paints over all the others.
 */
export function renderScatterPlot(options: ScatterPlotOptions): string {
  const width = options.width ?? 900;
  const height = options.height ?? 700;
  const margin = { left: 80, right: 190, top: 48, bottom: 60 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const radius = options.radius ?? 2;
  const opacity = options.opacity ?? 0.6;
  const indices: number[] = [];
  for (let i = 0; i < options.x.length; i++) if (Number.isFinite(options.x[i]) && Number.isFinite(options.y[i])) indices.push(i);
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const i of indices) {
    xMin = Math.min(xMin, options.x[i]!);
    xMax = Math.max(xMax, options.x[i]!);
    yMin = Math.min(yMin, options.y[i]!);
    yMax = Math.max(yMax, options.y[i]!);
  }
  if (indices.length === 0) [xMin, xMax, yMin, yMax] = [0, 1, 0, 1];
  const padX = (xMax - xMin) * 0.04 || 1;
  const padY = (yMax - yMin) * 0.04 || 1;
  [xMin, xMax, yMin, yMax] = [xMin - padX, xMax + padX, yMin - padY, yMax + padY];
  const px = (v: number): number => margin.left + ((v - xMin) / (xMax - xMin)) * plotWidth;
  const py = (v: number): number => margin.top + (1 - (v - yMin) / (yMax - yMin)) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="28" font-size="18" text-anchor="middle" fill="#222">${escapeXml(options.title)}</text>`);
  for (const t of ticks(xMin, xMax, 8)) {
    const x = px(t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${x}" y="${margin.top + plotHeight + 20}" font-size="13" text-anchor="middle" fill="#333">${t}</text>`);
  }
  for (const t of ticks(yMin, yMax, 8)) {
    const y = py(t).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y}" y2="${y}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y}" font-size="13" text-anchor="end" dominant-baseline="middle" fill="#333">${t}</text>`);
  }
  // A fixed pseudo-random order (a multiplicative hash of the index), so the last class drawn does not hide the rest.
  const order = [...indices].sort((a, b) => ((a * 2654435761) % 4294967296) - ((b * 2654435761) % 4294967296));
  for (const i of order) {
    const color = options.groups[options.group[i]!]?.color ?? '#000000';
    parts.push(`<circle cx="${px(options.x[i]!).toFixed(1)}" cy="${py(options.y[i]!).toFixed(1)}" r="${radius}" fill="${color}" fill-opacity="${opacity}"/>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 16}" font-size="15" text-anchor="middle" fill="#222">${escapeXml(options.xLabel)}</text>`);
  parts.push(
    `<text x="20" y="${margin.top + plotHeight / 2}" font-size="15" text-anchor="middle" fill="#222" transform="rotate(-90 20 ${margin.top + plotHeight / 2})">${escapeXml(options.yLabel)}</text>`,
  );
  options.groups.forEach((group, g) => {
    const y = margin.top + 12 + g * 24;
    const x = margin.left + plotWidth + 20;
    parts.push(`<circle cx="${x + 6}" cy="${y}" r="6" fill="${group.color}"/>`);
    parts.push(`<text x="${x + 20}" y="${y}" font-size="14" dominant-baseline="middle" fill="#222">${escapeXml(group.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
