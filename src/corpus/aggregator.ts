/**
 * Splits an aggregator page (a list of other outlets' articles) into its items by their printed
 * structure: the headline printed twice, the outlet, a time stamp, bullet tag lines, the headline
 * again, then the body up to the next item.
 */
import type { RawLine } from './lines.ts';
import { STAMP_LINE, endsLikeSentence, wordCount } from './text.ts';

export interface AggregatorItem {
  headline: string;
  /** The outlet as the page prints it (e.g. "Times"); the manifest may correct it. */
  outletPrinted: string;
  /** The stamp as printed, without its icon label: "2 days ago". */
  date: string;
  /** Item structure lines other than the headline: outlet, stamp, tag lines. */
  structure: RawLine[];
  /** Lines after the structure, up to the next item. */
  body: RawLine[];
}

const TAG_BULLET = /^[•·▪‣◦●]\s*\S/u;

interface ItemHead {
  headline: string;
  outlet: string;
  date: string;
  structure: RawLine[];
  /** Index (into the non-blank lines) where the body starts. */
  bodyFrom: number;
}

/** Recognises an item's heading at non-blank line t, or returns undefined. */
function itemHeadAt(lines: readonly RawLine[], t: number): ItemHead | undefined {
  const [first, second, outlet, stamp] = [lines[t], lines[t + 1], lines[t + 2], lines[t + 3]];
  if (!first || !second || !outlet || !stamp) return undefined;
  if (first.norm !== second.norm || first.norm.length > 300) return undefined;
  if (wordCount(outlet.norm) > 8 || endsLikeSentence(outlet.norm) || STAMP_LINE.test(outlet.norm)) return undefined;
  const date = STAMP_LINE.exec(stamp.norm)?.[1];
  if (date === undefined) return undefined;
  const structure = [outlet, stamp];
  let k = t + 4;
  for (let line = lines[k]; line && TAG_BULLET.test(line.norm) && wordCount(line.norm) <= 6; line = lines[++k]) {
    structure.push(line);
  }
  if (lines[k]?.norm === first.norm) k++; // the headline printed once more above the body
  return { headline: first.norm, outlet: outlet.norm, date, structure, bodyFrom: k };
}

/**
 * The page's items, in page order. Lines before the first item (the page's own header) belong to
 * none. Linear in the number of lines.
 */
export function splitAggregator(allLines: readonly RawLine[]): AggregatorItem[] {
  const lines = allLines.filter((l) => l.norm !== '');
  const items: AggregatorItem[] = [];
  let current: (ItemHead & { body: RawLine[] }) | undefined;
  const finish = (): void => {
    if (!current) return;
    const { headline, outlet, date, structure, body } = current;
    items.push({ headline, outletPrinted: outlet, date, structure, body });
  };
  for (let t = 0; t < lines.length; ) {
    const head = itemHeadAt(lines, t);
    if (head) {
      finish();
      current = { ...head, body: [] };
      t = head.bodyFrom;
      continue;
    }
    const line = lines[t];
    if (current && line) current.body.push(line);
    t++;
  }
  finish();
  return items;
}
