import { labelCorners, type PlacedLabel } from './layout.ts';
import { rect, svgDocument, text, type TextOptions } from './svg.ts';
import { THEME } from './theme.ts';

/** A picture as SVG, with its size, a description for screen readers and where its labels are. */
export interface Picture {
  /** File name without extension, e.g. "coverage-overview". */
  name: string;
  /** A few words that name it, e.g. "Who covers what". */
  title: string;
  /** What it shows, in words (the attachment's description, the SVG's title). */
  description: string;
  width: number;
  height: number;
  svg: string;
  labels: PlacedLabel[];
}

/** Collects a picture's shapes and labels; every label is recorded with the polygon its glyphs fill. */
export class Sketch {
  private readonly shapes: string[] = [];
  readonly labels: PlacedLabel[] = [];

  label(x: number, y: number, content: string, options: TextOptions): void {
    if (content.length === 0) return;
    this.shapes.push(text(x, y, content, options));
    this.labels.push({
      text: content,
      corners: labelCorners(content, x, y, options.size, {
        ...(options.anchor ? { anchor: options.anchor } : {}),
        ...(options.rotate ? { rotate: options.rotate } : {}),
        ...(options.weight ? { weight: options.weight } : {}),
      }),
    });
  }

  /** A mark inside a cell (a count): drawn, but cells keep their own marks apart. */
  mark(x: number, y: number, content: string, options: TextOptions): void {
    this.shapes.push(text(x, y, content, options));
  }

  shape(svg: string): void {
    this.shapes.push(svg);
  }

  finish(name: string, title: string, description: string, width: number, height: number): Picture {
    const w = Math.ceil(width);
    const h = Math.ceil(height);
    // An opaque card with its own background: readable on Discord's dark and light themes alike.
    const background = rect(0.5, 0.5, w - 1, h - 1, THEME.background, THEME.border);
    return {
      name,
      title,
      description,
      width: w,
      height: h,
      svg: svgDocument(w, h, description, [background, ...this.shapes]),
      labels: this.labels,
    };
  }
}
