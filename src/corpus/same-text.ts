/**
 * Tells whether two articles print the same text: the same article added twice, or a republished copy.
 * Compares runs of eight words (shingles), which survive different furniture, line breaks and
 * punctuation but not rewriting; the shorter article must be almost wholly inside the longer one.
 */
const SHINGLE_WORDS = 8;
/** Share of the shorter article's shingles that must appear in the other. */
const SAME_TEXT_SHARE = 0.85;

export interface ArticleText {
  id: string;
  /** Its passages' texts, in order. */
  texts: readonly string[];
}

export interface SameText {
  id: string;
  /** Share of shingles in common, 0..1. */
  share: number;
}

function shingles(texts: readonly string[]): Set<string> {
  const words = texts
    .join(' ')
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const out = new Set<string>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** The article among `others` that prints the same text as `article`, best match first; undefined when none. Linear in the corpus. */
export function findSameText(article: ArticleText, others: readonly ArticleText[]): SameText | undefined {
  const mine = shingles(article.texts);
  if (mine.size === 0) return undefined;
  let best: SameText | undefined;
  for (const other of others) {
    if (other.id === article.id) continue;
    const theirs = shingles(other.texts);
    if (theirs.size === 0) continue;
    const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
    let common = 0;
    for (const shingle of small) if (large.has(shingle)) common++;
    const share = common / small.size;
    if (share >= SAME_TEXT_SHARE && (!best || share > best.share)) best = { id: other.id, share };
  }
  return best;
}
