/**
 * The answer model: what every command returns, plain and JSON-serializable.
 * Renderers (console, Discord) only format it; they never compute answers.
 */

export type AnswerStatus = 'ok' | 'empty' | 'invalid';

/** Another outlet that carries the same passage or quotation. */
export interface AlsoIn {
  outlet: string;
  articleId: string;
}

/** One cited snippet. Every result names the outlet that printed it. */
export interface Result {
  /** Who wrote it. */
  outlet: string;
  /** The site it was read from, when that is not the outlet (an aggregator or republisher). */
  publishedVia?: string;
  articleId: string;
  /** As printed; null when the page prints none. */
  headline: string | null;
  url: string;
  /**
   * The date to show: as printed, or the day an ISO time stamp stands for; a relative date ("2 days ago")
   * as the day it stands for, marked approximate. Null when the page prints none.
   */
  date: string | null;
  /** Sites that republished the article word for word (their display names): cited here, not as other outlets. */
  republishedBy?: string[];
  /** Null for results that cite a whole article (/sources). */
  passageId: string | null;
  /** Clean text as printed. */
  snippet: string;
  /** [start, end) character ranges of the matched words in `snippet`. */
  highlights: [number, number][];
  /** For quotations: who said it, as resolved (display name). */
  speaker?: string;
  /** For quotations: the attribution as the outlet printed it. */
  speakerAsPrinted?: string;
  /** Other outlets that print the words shown: every sentence of the snippet, or `sharedWords` when given. */
  alsoIn: AlsoIn[];
  /** For quotations: the quoted words `alsoIn` vouches for (not the narrator's words around them). */
  sharedWords?: string[];
  /** Why this result is here when the command mixes kinds, e.g. "Lead", "Only in Sky News". */
  label?: string;
  /**
   * Check in coverage: a message's altered version of the quotation in `snippet`, shown beside it; its
   * highlights mark the words that differ from the printed ones (the snippet's mark the printed side).
   */
  asQuoted?: { text: string; highlights: [number, number][] };
}

/** Figures that outlets give for the same thing, set side by side (/compare). */
export interface FigureComparison {
  counts: string;
  values: { outlet: string; articleId: string; printed: string; value: number; passageId: string }[];
}

export interface Answer {
  /** The command line or request as the user gave it. */
  input: string;
  command: string;
  options: Record<string, string | boolean>;
  status: AnswerStatus;
  /** One line: what the answer is, or what was wrong and what is accepted. */
  message: string;
  results: Result[];
  /** Extra lines worth showing: outlets that do not mention a place, where a person is mentioned, help text. */
  notes: string[];
  /** /compare: figures that differ between outlets. */
  figures?: FigureComparison[];
  /** /overview: the shape of the coverage, for pictures. */
  overview?: CoverageOverview;
  /** A short version of the corpus the answer came from: it changes whenever the corpus does. */
  corpusVersion?: string;
}

/** A place or person that is a column of the overview. */
export interface OverviewColumn {
  id: string;
  name: string;
  kind: 'place' | 'person';
}

/** /overview: outlets (rows) by the story's places and people (columns), and articles by day. */
export interface CoverageOverview {
  outlets: string[];
  columns: OverviewColumn[];
  /** [outlet][column]: the outlet's passages that mention the place or person. */
  passages: number[][];
  /** [outlet][column]: the person's quotations the outlet prints (always 0 for a place). */
  quotations: number[][];
  /** [outlet]: all the outlet's passages, to shade a cell by the share that mentions the column. */
  outletPassages: number[];
  /** Days with a dated article, "YYYY-MM-DD", in order. */
  days: string[];
  /** [outlet][day]: articles published that day. */
  articlesByDay: number[][];
  /** Articles whose printed date names no certain day (none, relative, or ambiguous). */
  undated: number;
}

export interface Choice {
  /** Shown to the user (at most 100 characters on Discord). */
  name: string;
  /** Sent back as the option value. */
  value: string;
}
