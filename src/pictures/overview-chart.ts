import type { CoverageOverview } from '../answers/model.ts';
import { textWidth, verticalMetrics } from './fonts.ts';
import { drawFrame, drawNote, GAP, PAD, SIZE } from './grid.ts';
import { extent } from './layout.ts';
import { Sketch, type Picture } from './picture.ts';
import { rect } from './svg.ts';
import { cellColours, THEME } from './theme.ts';

/**
 * The coverage matrix: outlets as rows, the story's places and people as columns, each cell shaded by
 * the share of the outlet's passages that mention the column, with the number of passages and, for
 * people, the quotations the outlet prints from them ("“3").
 */

const CELL = 38;
const COUNT_SIZE = 12;
const QUOTES_SIZE = 10;

export function overviewChart(data: CoverageOverview): Picture {
  const sketch = new Sketch();
  const frame = drawFrame(sketch, {
    title: 'Who covers what: passages that mention each place and person, per outlet',
    rows: data.outlets,
    columns: data.columns.map((column) => ({ label: column.name, colour: column.kind === 'place' ? THEME.place : THEME.person })),
    cell: CELL,
  });

  const shareOf = (r: number, count: number) => (data.outletPassages[r] ? count / data.outletPassages[r]! : 0);
  const maxShare = Math.max(0, ...data.passages.flatMap((row, r) => row.map((count) => shareOf(r, count))));
  data.passages.forEach((row, r) => {
    const top = frame.top + r * CELL;
    row.forEach((count, c) => {
      const left = frame.left + c * CELL;
      const { fill, ink } =
        count === 0 ? { fill: THEME.background, ink: THEME.text } : cellColours(maxShare > 0 ? shareOf(r, count) / maxShare : 0);
      sketch.shape(rect(left, top, CELL, CELL, fill, THEME.grid));
      if (count === 0) return;
      const quotes = data.quotations[r]![c]!;
      const middle = left + CELL / 2;
      sketch.mark(middle, top + (quotes > 0 ? CELL / 2 - 2 : CELL / 2 + 4), compact(count), {
        size: COUNT_SIZE,
        fill: ink,
        anchor: 'middle',
      });
      if (quotes > 0) sketch.mark(middle, top + CELL - 6, `“${compact(quotes)}`, { size: QUOTES_SIZE, fill: ink, anchor: 'middle' });
    });
  });

  // The key, under the grid: what the colours, shades and marks mean.
  const keyLine = frame.bottom + GAP * 2 + SIZE.note;
  sketch.label(PAD, keyLine, 'Places', { size: SIZE.note, fill: THEME.place, weight: 'bold' });
  sketch.label(PAD + textWidth('Places', SIZE.note, 'bold') + GAP * 2, keyLine, 'People', {
    size: SIZE.note,
    fill: THEME.person,
    weight: 'bold',
  });
  const explanation =
    'Number: passages that mention them. “n: their quotations the outlet prints. Darker: a larger share of the outlet’s passages.';
  const last = drawNote(sketch, explanation, keyLine, frame.width);
  const width = Math.max(frame.width, ...sketch.labels.map((label) => extent(label.corners).maxX + PAD));
  const description = `Coverage overview: ${data.outlets.length} outlets by ${data.columns.length} places and people, shaded by how much each outlet says of them, with quotation counts.`;
  return sketch.finish('coverage-overview', 'Who covers what', description, width, last + verticalMetrics(SIZE.note).descent + PAD);
}

/** 999, 1.2k, 12k: short enough for a cell. */
export function compact(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(count / 1000).toFixed(1).replace(/\.0$/u, '')}k`;
  return `${Math.round(count / 1000)}k`;
}
