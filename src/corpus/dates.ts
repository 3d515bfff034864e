/**
 * Dates as pages print them ("Jun 2, 2025", "2 days ago", "2025-06-03T07:15:00+01:00"), worked out to
 * a calendar day with chrono-node. A relative date ("2 days ago", "yesterday") or one without a year
 * only means something against the day the page was read: it resolves against the retrieval date, and
 * is marked approximate.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { Article } from './types.ts';

export interface ResolvedDate {
  /** The calendar day, "2025-06-02". */
  iso: string;
  /** True when worked out from a relative date or one with no year printed. */
  approximate: boolean;
}

// Loaded on first use: it costs a worker start a fifth of a second, and a desk opened from its snapshot never needs it.
const require = createRequire(import.meta.url);
let chronoModule: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (chronoModule ??= require('chrono-node') as typeof Chrono);

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/u;

/**
 * The day a printed date stands for; undefined when it cannot be worked out (no date found, or a
 * relative date and no retrieval date to count from). `retrieved` is an ISO date or time stamp.
 */
export function resolveDate(printed: string, retrieved?: string): ResolvedDate | undefined {
  const iso = ISO_DAY.exec(printed.trim());
  // The day as the page wrote it, in the page's own time zone.
  if (iso?.[1] && isRealDay(iso[1])) return { iso: iso[1], approximate: false };
  const hasYear = /\b\d{4}\b/u.test(printed);
  const reference = retrieved === undefined ? undefined : new Date(retrieved);
  if (!hasYear && (reference === undefined || Number.isNaN(reference.getTime()))) return undefined;
  const [found] = chrono().parse(printed, reference ?? new Date(0));
  if (!found) return undefined;
  const year = found.start.get('year');
  const month = found.start.get('month');
  const day = found.start.get('day');
  if (year === null || month === null || day === null) return undefined;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, approximate: !hasYear };
}

/** "3 June 2025" for an ISO day. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/**
 * The date a reader can use a week later: a relative date as the day it stands for ("about 1 June 2025,
 * printed "2 days ago""), a time stamp as its day; a date printed in full stays as printed.
 */
export function shownDate(article: Pick<Article, 'date' | 'day' | 'dayApproximate'>): string | null {
  if (article.date === null) return null;
  if (article.day === undefined) return /\d{4}/u.test(article.date) ? article.date : `${article.date} (retrieval date unknown)`;
  if (article.dayApproximate) return `about ${formatDay(article.day)} (printed "${article.date}")`;
  return /^\d{4}-\d{2}-\d{2}/u.test(article.date) ? formatDay(article.day) : article.date;
}
