/**
 * The corpus stage's output: clean articles and passages, each traceable to the exact place in
 * its source page. Everything downstream (analysis, search, answers) reads only these types.
 */

export type PageKind = 'article' | 'aggregator';

/** One article as the project understands it, after cleaning (and splitting, for aggregator pages). */
export interface Article {
  /** Stable id: the same corpus always gives the same ids. */
  id: string;
  /** Who wrote it, e.g. "GB News". */
  outlet: string;
  /** The site the page was read from, e.g. "am1.news". */
  site: string;
  /** Display name of the site it was read from when that is not the outlet, e.g. "The America One News". */
  publishedVia?: string;
  url: string;
  /** As printed; null when the page prints none. */
  headline: string | null;
  /** As printed: "Jun 2, 2025", "2 days ago"; null when the page prints none. */
  date: string | null;
  /** The day the date stands for, "2025-06-01", when it can be worked out (see src/corpus/dates.ts). */
  day?: string;
  /** True when `day` was worked out from a relative date ("2 days ago") and the page's retrieval date. */
  dayApproximate?: boolean;
  /** Other sites that republished this article word for word: cited with it, never as other outlets. */
  republishedBy?: Republication[];
  /** Corpus file (relative to corpus/) the article came from. */
  file: string;
  /** Position of the article inside its page (0 for a plain article page). */
  itemIndex: number;
  /** Characters of the article's slice of the page that cleaning removed as furniture. */
  furnitureChars: number;
  /** True when the page is known to have lost its opening or to have cuts inside. */
  truncated: boolean;
}

/** A word-for-word copy of an article on another site. */
export interface Republication {
  /** The site's display name, e.g. "The America One News". */
  siteName: string;
  site: string;
  url: string;
  /** The copy's manifest file. */
  file: string;
}

/** One to three sentences of an article; never cuts a sentence or a quotation in half. */
export interface Passage {
  /** Stable id, `${articleId}:${index}`. */
  id: string;
  articleId: string;
  /** 0-based position of the passage in its article. */
  index: number;
  /** Clean text as printed (NFC), furniture removed. */
  text: string;
  /**
   * Character offsets (UTF-16 code units) of the span: in the decoded page for a text page, in the
   * page's extracted article text (src/corpus/html.ts, a function of the page alone) for a web page.
   */
  start: number;
  end: number;
  /** Index of the paragraph (in the article) where the passage starts. */
  paragraph: number;
}

export interface Corpus {
  /** Hash of the manifest and every page's bytes: changes whenever the corpus does. */
  hash: string;
  articles: Article[];
  passages: Passage[];
}
