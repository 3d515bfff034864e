/** Builds a paragraph's clean text from the raw page, keeping a map from every clean character back to the page. */
import { isSpaceCode } from './text.ts';

export interface Span {
  start: number;
  end: number;
}

export interface CleanParagraph {
  /** Text as printed, furniture removed, whitespace runs collapsed to one space, trimmed. */
  text: string;
  /** map[i] is the offset in the raw page of text[i]. */
  map: Int32Array;
}

/** Sorts and merges overlapping spans. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/**
 * raw[start, end) minus the removed spans (raw offsets, merged and sorted), whitespace runs collapsed
 * to one space. A removed span separates what is around it like a space. Linear.
 */
export function cleanParagraph(raw: string, start: number, end: number, removed: readonly Span[]): CleanParagraph {
  const pieces: string[] = [];
  const map = new Int32Array(Math.max(0, end - start));
  let length = 0;
  let pendingSpace = -1;
  let r = 0;
  let i = start;
  while (i < end) {
    const cut = removed[r];
    if (cut && i >= cut.start) {
      if (length > 0 && pendingSpace === -1) pendingSpace = i;
      i = Math.max(i, cut.end);
      r++;
      continue;
    }
    if (isSpaceCode(raw.charCodeAt(i))) {
      if (length > 0 && pendingSpace === -1) pendingSpace = i;
      i++;
      continue;
    }
    if (pendingSpace !== -1) {
      pieces.push(' ');
      map[length++] = pendingSpace;
      pendingSpace = -1;
    }
    // Copy the run of visible characters up to the next space or removed span.
    const stop = Math.min(end, cut ? cut.start : end);
    let j = i;
    while (j < stop && !isSpaceCode(raw.charCodeAt(j))) map[length++] = j++;
    pieces.push(raw.slice(i, j));
    i = j;
  }
  return { text: pieces.join(''), map: map.slice(0, length) };
}

/** Characters of raw[start, end) that are not whitespace: how much furniture a span holds. */
export function visibleChars(raw: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpaceCode(raw.charCodeAt(i))) n++;
  return n;
}
