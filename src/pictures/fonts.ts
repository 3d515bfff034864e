import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The pictures' one typeface, shipped as an npm dependency (DejaVu Sans) rather than taken from the
 * system, so that every server draws the same glyphs the layout measured. Widths come from the font's
 * own advance widths (fontkit), so that the layout can keep labels apart.
 */

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export type Weight = keyof typeof FONT_FILES;

const fonts = new Map<Weight, fontkit.Font>();

function fontOf(weight: Weight): fontkit.Font {
  let font = fonts.get(weight);
  if (!font) {
    const opened = fontkit.openSync(FONT_FILES[weight]);
    if (!('layout' in opened)) throw new Error(`${FONT_FILES[weight]} is a font collection, not one font`);
    font = opened;
    fonts.set(weight, font);
  }
  return font;
}

/** The width in pixels of `text` set at `size` pixels. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const font = fontOf(weight);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

/** How far glyphs reach above and below the baseline, in pixels, at `size`. */
export function verticalMetrics(size: number, weight: Weight = 'regular'): { ascent: number; descent: number } {
  const font = fontOf(weight);
  return { ascent: (font.ascent / font.unitsPerEm) * size, descent: (Math.abs(font.descent) / font.unitsPerEm) * size };
}

/** `text`, cut at a word or letter with an ellipsis so that it is at most `max` pixels wide. */
export function fitText(text: string, max: number, size: number, weight: Weight = 'regular'): string {
  if (textWidth(text, size, weight) <= max) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(`${characters.slice(0, middle).join('').trimEnd()}…`, size, weight) <= max) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('').trimEnd()}…`;
}

/** Words set into lines no wider than `max` pixels (a word longer than a line is cut to fit). */
export function wrapText(text: string, max: number, size: number, weight: Weight = 'regular'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size, weight) <= max) line = candidate;
    else {
      if (line !== '') lines.push(line);
      line = fitText(word, max, size, weight);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
