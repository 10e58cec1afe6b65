import { chartFont as font, escapeXml } from './svg.js';

export { svgToPng } from './svg.js';

/** One line of a {@link renderLinePlot}: `values[i]` is plotted at x = i + 1. */
export interface PlotSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
  /** Draw dashed, without markers (e.g. a baseline). */
  readonly dashed?: boolean;
  /** Mark each point with a dot. Default true (false for dashed lines). */
  readonly markers?: boolean;
}

/** What {@link renderLinePlot} draws. */
export interface LinePlotOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly PlotSeries[];
  /** Logarithmic y axis (decades). Default false. */
  readonly logY?: boolean;
  /** Where the legend sits: top right (default), or bottom right for curves that end high. */
  readonly legend?: 'top-right' | 'bottom-right';
  readonly width?: number;
  readonly height?: number;
}

/**
 * A line chart as SVG text: x is the 1-based index of each value (the epoch), one polyline per
 * series, a legend, axis labels, and on a log axis one gridline per decade. Non-finite values
 * (a run that diverged to NaN) end the line where they start.
 */
export function renderLinePlot(options: LinePlotOptions): string {
  const width = options.width ?? 800;
  const height = options.height ?? 500;
  const margin = { left: 80, right: 24, top: 48, bottom: 60 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const logY = options.logY ?? false;
  const finite = options.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v) && (!logY || v > 0)));
  const xMax = Math.max(2, ...options.series.map((s) => s.values.length));
  const transform = (v: number): number => (logY ? Math.log10(v) : v);
  let yMin = transform(Math.min(...finite));
  let yMax = transform(Math.max(...finite));
  if (logY) {
    yMin = Math.floor(yMin);
    yMax = Math.ceil(yMax);
  } else {
    const pad = (yMax - yMin) * 0.05 || 1;
    yMin -= pad;
    yMax += pad;
  }
  if (yMax === yMin) yMax = yMin + 1;
  const px = (x: number): number => margin.left + ((x - 1) / (xMax - 1)) * plotWidth;
  const py = (v: number): number => margin.top + (1 - (transform(v) - yMin) / (yMax - yMin)) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="28" font-size="18" text-anchor="middle" fill="#222">${escapeXml(options.title)}</text>`);

  // Y gridlines and tick labels.
  const yTicks: number[] = [];
  // On a log axis, one tick per decade, or per few decades when there are many.
  if (logY) for (let d = yMin; d <= yMax; d += Math.max(1, Math.ceil((yMax - yMin) / 8))) yTicks.push(d);
  else for (let i = 0; i <= 5; i++) yTicks.push(yMin + ((yMax - yMin) * i) / 5);
  for (const tick of yTicks) {
    const y = (logY ? py(10 ** tick) : py(tick)).toFixed(1);
    const label = logY ? (tick === 0 ? '1' : `1e${tick}`.replace('-', '\u2212')) : tick.toPrecision(3);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y}" font-size="13" text-anchor="end" dominant-baseline="middle" fill="#333">${label}</text>`);
  }
  // X ticks: every epoch up to 20, else about ten.
  const xStep = xMax <= 20 ? 1 : Math.ceil(xMax / 10);
  for (let x = 1; x <= xMax; x += xStep) {
    const xPos = px(x).toFixed(1);
    parts.push(`<line x1="${xPos}" x2="${xPos}" y1="${margin.top + plotHeight}" y2="${margin.top + plotHeight + 5}" stroke="#333"/>`);
    parts.push(`<text x="${xPos}" y="${margin.top + plotHeight + 20}" font-size="13" text-anchor="middle" fill="#333">${x}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 16}" font-size="15" text-anchor="middle" fill="#222">${escapeXml(options.xLabel)}</text>`);
  parts.push(
    `<text x="20" y="${margin.top + plotHeight / 2}" font-size="15" text-anchor="middle" fill="#222" transform="rotate(-90 20 ${margin.top + plotHeight / 2})">${escapeXml(options.yLabel)}</text>`,
  );

  for (const series of options.series) {
    const points: string[] = [];
    for (let i = 0; i < series.values.length; i++) {
      const v = series.values[i] as number;
      if (!Number.isFinite(v) || (logY && v <= 0)) break;
      points.push(`${px(i + 1).toFixed(1)},${py(v).toFixed(1)}`);
    }
    if (points.length === 0) continue;
    const dash = series.dashed === true ? ' stroke-dasharray="8 6"' : '';
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${series.color}" stroke-width="2.5"${dash}/>`);
    if (series.dashed !== true && series.markers !== false) {
      for (const point of points) {
        const [x, y] = point.split(',');
        parts.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${series.color}"/>`);
      }
    }
  }

  // Legend, inside the plot at the top or bottom right.
  const legendX = margin.left + plotWidth - 250;
  const rowHeight = 22;
  const legendY = options.legend === 'bottom-right' ? margin.top + plotHeight - options.series.length * rowHeight + 4 : margin.top + 14;
  parts.push(`<rect x="${legendX - 10}" y="${legendY - 12}" width="246" height="${options.series.length * rowHeight + 6}" fill="#ffffff" fill-opacity="0.9" stroke="#ccc"/>`);
  options.series.forEach((series, i) => {
    const y = legendY + i * rowHeight;
    const dash = series.dashed === true ? ' stroke-dasharray="8 6"' : '';
    parts.push(`<line x1="${legendX}" x2="${legendX + 30}" y1="${y}" y2="${y}" stroke="${series.color}" stroke-width="2.5"${dash}/>`);
    parts.push(`<text x="${legendX + 40}" y="${y}" font-size="13" dominant-baseline="middle" fill="#222">${escapeXml(series.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
