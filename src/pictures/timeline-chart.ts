import type { CoverageOverview } from '../answers/model.ts';
import { verticalMetrics } from './fonts.ts';
import { drawFrame, drawNote, GAP, PAD, SIZE } from './grid.ts';
import { extent } from './layout.ts';
import { compact } from './overview-chart.ts';
import { Sketch, type Picture } from './picture.ts';
import { rect } from './svg.ts';
import { textOn, THEME } from './theme.ts';

/**
 * The coverage over time: outlets as rows, days (weeks or months for a long story) as columns, a dot
 * sized by the outlet's articles in each. Only outlets with a dated article are rows; the articles
 * without a calendar date are counted under the chart.
 */

const CELL = 32;
const COUNT_SIZE = 10;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Unit = 'day' | 'week' | 'month';

export function timelineChart(data: CoverageOverview): Picture | undefined {
  if (data.days.length === 0) return undefined;
  const first = Date.parse(`${data.days[0]}T00:00:00Z`);
  const last = Date.parse(`${data.days.at(-1)}T00:00:00Z`);
  const span = Math.round((last - first) / DAY_MS) + 1;
  const unit: Unit = span <= 45 ? 'day' : span <= 45 * 7 ? 'week' : 'month';
  const buckets = bucketsBetween(first, last, unit);
  const bucketOf = (day: string) =>
    buckets.findIndex(
      (start, i) => Date.parse(`${day}T00:00:00Z`) < (buckets[i + 1] ?? Infinity) && Date.parse(`${day}T00:00:00Z`) >= start,
    );

  const rows = data.outlets
    .map((outlet, r) => ({ outlet, counts: countsByBucket(data.articlesByDay[r]!, data.days, buckets.length, bucketOf) }))
    .filter((row) => row.counts.some((count) => count > 0));
  const max = Math.max(1, ...rows.flatMap((row) => row.counts));

  const sketch = new Sketch();
  const frame = drawFrame(sketch, {
    title: `Articles per outlet by ${unit} of publication`,
    rows: rows.map((row) => row.outlet),
    columns: buckets.map((start, i) => ({
      label: bucketLabel(start, unit, i === 0 || new Date(start).getUTCFullYear() !== new Date(buckets[i - 1]!).getUTCFullYear()),
      colour: THEME.muted,
    })),
    cell: CELL,
  });
  rows.forEach((row, r) => {
    const top = frame.top + r * CELL;
    row.counts.forEach((count, c) => {
      const left = frame.left + c * CELL;
      sketch.shape(rect(left, top, CELL, CELL, THEME.background, THEME.grid));
      if (count === 0) return;
      const radius = 4 + (CELL / 2 - 6) * Math.sqrt(count / max);
      sketch.shape(`<circle cx="${left + CELL / 2}" cy="${top + CELL / 2}" r="${radius.toFixed(1)}" fill="${THEME.accent}"/>`);
      if (count > 1 && radius >= 8)
        sketch.mark(left + CELL / 2, top + CELL / 2 + 3.5, compact(count), {
          size: COUNT_SIZE,
          fill: textOn(THEME.accent),
          anchor: 'middle',
        });
    });
  });

  const dated = data.articlesByDay.flat().reduce((sum, count) => sum + count, 0);
  const shown = `${dated} dated article${dated === 1 ? '' : 's'} shown`;
  const note = `A dot: the outlet's articles that ${unit}, bigger for more. ${shown}; ${data.undated} print no calendar date (none, or only one like "2 days ago") and are not shown.`;
  const noteEnd = drawNote(sketch, note, frame.bottom + GAP * 2, frame.width);
  const right = Math.max(frame.width, ...sketch.labels.map((label) => extent(label.corners).maxX + PAD));
  const description = `Coverage over time: articles per outlet by ${unit}, ${dated} dated articles from ${data.days[0]} to ${data.days.at(-1)}.`;
  return sketch.finish('coverage-timeline', 'Coverage over time', description, right, noteEnd + verticalMetrics(SIZE.note).descent + PAD);
}

function countsByBucket(perDay: number[], days: string[], bucketCount: number, bucketOf: (day: string) => number): number[] {
  const counts = new Array<number>(bucketCount).fill(0);
  perDay.forEach((count, d) => {
    if (count > 0) counts[bucketOf(days[d]!)]! += count;
  });
  return counts;
}

/** The start (UTC ms) of each day, week (from Monday) or month from `first` to `last`. */
function bucketsBetween(first: number, last: number, unit: Unit): number[] {
  const starts: number[] = [];
  let at = new Date(first);
  if (unit === 'week') at = new Date(first - ((at.getUTCDay() + 6) % 7) * DAY_MS);
  if (unit === 'month') at = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  while (at.getTime() <= last) {
    starts.push(at.getTime());
    at =
      unit === 'month'
        ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))
        : new Date(at.getTime() + (unit === 'week' ? 7 : 1) * DAY_MS);
  }
  return starts;
}

function bucketLabel(start: number, unit: Unit, withYear: boolean): string {
  const date = new Date(start);
  const month = MONTHS[date.getUTCMonth()]!;
  const year = withYear ? ` ${date.getUTCFullYear()}` : '';
  if (unit === 'month') return `${month} ${date.getUTCFullYear()}`;
  return `${unit === 'week' ? 'w/c ' : ''}${date.getUTCDate()} ${month}${year}`;
}
