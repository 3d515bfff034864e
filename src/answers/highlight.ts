import { termOf } from '../search/terms.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** [start, end) ranges of the words in `text` whose index term is one of `terms`. */
export function highlightTerms(text: string, terms: ReadonlySet<string>): [number, number][] {
  if (terms.size === 0) return [];
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term !== null && terms.has(term)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** Sorted, merged, clamped to the text: what a renderer can bold without overlaps. */
export function normaliseRanges(ranges: [number, number][], length: number): [number, number][] {
  const sorted = ranges
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
