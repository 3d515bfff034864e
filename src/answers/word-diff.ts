import { fold } from '../text/fold.ts';

/**
 * Quoted words as someone repeats them, set against the words as printed: which words they share in
 * order (longest common subsequence over folded words, so case, accents and quote marks never count as
 * a change), whether the repeat is word for word (all or an unbroken stretch of the printed words), and
 * which words differ on each side, as character ranges for highlighting.
 */

export interface Word {
  /** Folded, for comparing. */
  key: string;
  start: number;
  end: number;
}

export interface WordAlignment {
  /** Share of the repeated words found, in order, among the printed ones (0..1). */
  coverage: number;
  /** The repeat is the printed words, or an unbroken stretch of them, word for word (see EDGE_WORDS). */
  exact: boolean;
  /** Ranges in the repeated text of words the printed text does not have there. */
  repeatedDiffers: [number, number][];
  /** Ranges in the printed text, within the stretch the repeat covers, of words the repeat changed or left out. */
  printedDiffers: [number, number][];
  /** The stretch of the printed text that the repeat covers. */
  printedSpan: [number, number];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function wordsWithOffsets(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    // "There's" meets "there": a possessive or a contracted "is"/"has" is not a different word.
    key: fold(match[0]).replace(/’/gu, "'").replace(/'s$/u, ''),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Words a repeat may carry beyond a printed fragment and still count as quoting it word for word. */
const EDGE_WORDS = 2;

/** Longer texts than this are not compared word by word (the table grows with the product of the lengths). */
const MAX_WORDS = 400;

export function alignWords(repeated: string, printed: string): WordAlignment | undefined {
  const a = wordsWithOffsets(repeated);
  const b = wordsWithOffsets(printed);
  if (a.length === 0 || b.length === 0 || a.length > MAX_WORDS || b.length > MAX_WORDS) return undefined;
  // table[i][j]: common subsequence length of a[i..] and b[j..].
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i]!.key === b[j]!.key ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const matchedA = new Set<number>();
  const matchedB: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]!.key === b[j]!.key) {
      matchedA.add(i);
      matchedB.push(j);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  if (matchedB.length === 0) return undefined;
  const first = matchedB[0]!;
  const last = matchedB.at(-1)!;
  const inB = new Set(matchedB);
  const matchedAList = [...matchedA];
  const repeatRun = matchedAList.at(-1)! - matchedAList[0]! + 1 === matchedAList.length;
  // Word for word: the repeat is an unbroken stretch of the printed words, or the printed words are an
  // unbroken stretch of the repeat with a word or two either side (outlets often quote a fragment:
  // a "really important innovation").
  const exact =
    (matchedB.length === a.length && last - first + 1 === a.length) ||
    (matchedB.length === b.length && b.length >= 3 && repeatRun && a.length - b.length <= EDGE_WORDS);
  const printedDiffers: [number, number][] = [];
  for (let j = first; j <= last; j++) if (!inB.has(j)) printedDiffers.push([b[j]!.start, b[j]!.end]);
  return {
    coverage: matchedB.length / a.length,
    exact,
    repeatedDiffers: a.flatMap((word, i): [number, number][] => (matchedA.has(i) ? [] : [[word.start, word.end]])),
    printedDiffers,
    printedSpan: [b[first]!.start, b[last]!.end],
  };
}
