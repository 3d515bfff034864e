import { textWidth, verticalMetrics, type Weight } from './fonts.ts';

/**
 * Where each label of a picture sits, as the polygon its glyphs can fill (rotated labels included). The
 * pictures are laid out from measured widths so that no two labels meet; tests check these polygons.
 */

export type Point = [number, number];

export interface PlacedLabel {
  text: string;
  corners: Point[];
}

/** The box a label's glyphs can fill, for text set at (x, y) with this anchor, rotated by `rotate` degrees around (x, y). */
export function labelCorners(
  content: string,
  x: number,
  y: number,
  size: number,
  options: { anchor?: 'start' | 'middle' | 'end'; rotate?: number; weight?: Weight } = {},
): Point[] {
  const width = textWidth(content, size, options.weight);
  const { ascent, descent } = verticalMetrics(size, options.weight);
  const left = options.anchor === 'end' ? -width : options.anchor === 'middle' ? -width / 2 : 0;
  const box: Point[] = [
    [left, descent],
    [left + width, descent],
    [left + width, -ascent],
    [left, -ascent],
  ];
  const angle = ((options.rotate ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return box.map(([dx, dy]): Point => [x + dx * cos - dy * sin, y + dx * sin + dy * cos]);
}

/** True when two convex polygons overlap (separating axis test); touching edges do not count. */
export function polygonsOverlap(a: Point[], b: Point[]): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i]!;
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const axis: Point = [y1 - y2, x2 - x1];
      const project = (points: Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** The bounds of a set of points. */
export function extent(points: Point[]): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(...points.map(([x]) => x)),
    minY: Math.min(...points.map(([, y]) => y)),
    maxX: Math.max(...points.map(([x]) => x)),
    maxY: Math.max(...points.map(([, y]) => y)),
  };
}
