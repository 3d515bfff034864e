import { fitText, textWidth, verticalMetrics, wrapText } from './fonts.ts';
import type { Sketch } from './picture.ts';
import { THEME } from './theme.ts';

/**
 * The frame both pictures share: a title, rows labelled on the left, columns labelled above at an angle,
 * and a note under the grid. At this angle and any column width of at least CELL_MIN, labels on
 * neighbouring columns cannot meet however long they are (their baselines are further apart than a
 * line is high); row labels are one cell apart, and the title and note sit clear of the grid.
 */

export const PAD = 20;
export const GAP = 8;
export const SIZE = { title: 16, label: 13, note: 12 } as const;
const ANGLE = -50;
const ROW_LABEL_MAX = 200;
const COLUMN_LABEL_MAX = 170;

export interface GridFrame {
  /** Left and top edges of the first cell. */
  left: number;
  top: number;
  /** Lower edge of the last row. */
  bottom: number;
  /** Width the picture needs so far. */
  width: number;
}

export interface FrameInput {
  title: string;
  rows: string[];
  columns: { label: string; colour: string }[];
  cell: number;
}

export function drawFrame(sketch: Sketch, input: FrameInput): GridFrame {
  const { cell } = input;
  const rowLabels = input.rows.map((row) => fitText(row, ROW_LABEL_MAX, SIZE.label));
  const columnLabels = input.columns.map((column) => fitText(column.label, COLUMN_LABEL_MAX, SIZE.label));
  const { ascent, descent } = verticalMetrics(SIZE.label);
  const radians = (Math.abs(ANGLE) * Math.PI) / 180;
  const rise = Math.max(0, ...columnLabels.map((label) => textWidth(label, SIZE.label) * Math.sin(radians))) + ascent;
  const reach = Math.max(0, ...columnLabels.map((label, i) => i * cell + cell / 2 + textWidth(label, SIZE.label) * Math.cos(radians)));

  const left = PAD + Math.max(60, ...rowLabels.map((label) => textWidth(label, SIZE.label))) + GAP;
  const titleTop = PAD + SIZE.title;
  const top = titleTop + GAP * 2 + rise + GAP;
  const bottom = top + input.rows.length * cell;
  const width = Math.max(left + input.columns.length * cell, left + reach + ascent, PAD + textWidth(input.title, SIZE.title, 'bold')) + PAD;

  sketch.label(PAD, titleTop, input.title, { size: SIZE.title, fill: THEME.text, weight: 'bold' });
  columnLabels.forEach((label, c) => {
    const x = left + c * cell + cell / 2 + (ascent - descent) / 2;
    sketch.label(x, top - GAP, label, { size: SIZE.label, fill: input.columns[c]!.colour, rotate: ANGLE });
  });
  rowLabels.forEach((label, r) => {
    sketch.label(left - GAP, top + r * cell + cell / 2 + (ascent - descent) / 2, label, {
      size: SIZE.label,
      fill: THEME.text,
      anchor: 'end',
    });
  });
  return { left, top, bottom, width };
}

/** A note wrapped to the picture's width, lines starting below `y`; returns the last line's baseline. */
export function drawNote(sketch: Sketch, note: string, y: number, width: number): number {
  let line = y;
  for (const text of wrapText(note, width - 2 * PAD, SIZE.note)) {
    line += SIZE.note + 6;
    sketch.label(PAD, line, text, { size: SIZE.note, fill: THEME.muted });
  }
  return line;
}
