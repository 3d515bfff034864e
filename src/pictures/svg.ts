import { FONT_FAMILY, type Weight } from './fonts.ts';

/** Small builders for the SVG the pictures are drawn in; every text is escaped. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);
}

export interface TextOptions {
  size: number;
  fill: string;
  weight?: Weight;
  anchor?: 'start' | 'middle' | 'end';
  /** Degrees, around (x, y). */
  rotate?: number;
}

export function text(x: number, y: number, content: string, options: TextOptions): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-family="${FONT_FAMILY}"`,
    `font-size="${options.size}"`,
    `fill="${options.fill}"`,
    ...(options.weight === 'bold' ? ['font-weight="bold"'] : []),
    ...(options.anchor && options.anchor !== 'start' ? [`text-anchor="${options.anchor}"`] : []),
    ...(options.rotate ? [`transform="rotate(${options.rotate} ${round(x)} ${round(y)})"`] : []),
  ];
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string, stroke?: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"${stroke ? ` stroke="${stroke}"` : ''}/>`;
}

export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">`,
    `<title>${escapeXml(title)}</title>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
