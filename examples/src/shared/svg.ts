import { Resvg } from '@resvg/resvg-js';

/** The font stack of every chart the examples draw. */
export const chartFont = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Text made safe to put inside SVG elements. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Rasterises SVG text to PNG bytes with resvg (@resvg/resvg-js: Rust's resvg through a
 * prebuilt N-API binary, no install script, no browser). Text uses the system's fonts.
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}
