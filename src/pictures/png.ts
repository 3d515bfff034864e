import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';

/**
 * SVG to PNG on the server, without a browser: resvg (a maintained Rust renderer) with the shipped
 * font only, so that the glyphs drawn are the ones the layout measured.
 */

/** Drawn at twice the layout size, for sharp text on high-density screens. */
export const PNG_SCALE = 2;

export function svgToPng(svg: string): Buffer {
  const renderer = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: undefined,
  });
  return Buffer.from(renderer.render().asPng());
}
