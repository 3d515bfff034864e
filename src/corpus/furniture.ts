/**
 * Line rules: which lines of a page are page furniture rather than article text. Every rule looks at
 * the shape of a line (and its neighbours), never at this corpus's particular sentences.
 */
import type { RawLine } from './lines.ts';
import { PRINTED_DATE, STAMP_LINE, endsLikeSentence, wordCount } from './text.ts';
import { isAppeal, isCreditByline, isCueLabel, isPageNote, isTitleCaseLine } from './web-cues.ts';

export type FurnitureRule =
  | 'app-promo'
  | 'byline'
  | 'appeal'
  | 'caption'
  | 'counter'
  | 'credit'
  | 'cue-label'
  | 'heading'
  | 'image-label'
  | 'masthead'
  | 'navigation'
  | 'page-note'
  | 'related-links'
  | 'short-line'
  | 'sponsor'
  | 'stamp'
  | 'symbols'
  | 'tag-line'
  | 'widget';

export type LineVerdict =
  | { kind: 'blank' }
  | { kind: 'body' }
  /** A printing of the article's headline: not body text, not counted as furniture either. */
  | { kind: 'headline' }
  | { kind: 'furniture'; rule: FurnitureRule };

/** Photo agencies as credit lines name them. */
export const AGENCIES = [
  'getty images', 'getty', 'afp', 'reuters', 'pa wire', 'pa media', 'pa', 'ap photo', 'ap', 'epa', 'alamy',
  'shutterstock', 'bloomberg', 'rex features', 'rex', 'anadolu', 'sipa', 'zuma', 'nurphoto', 'xinhua', 'tass',
  'eyevine', 'dpa',
];
const AGENCY = `(?:${AGENCIES.join('|')})`;

/** "Reuters", "Getty Images", "AFP via Getty Images", "JOHN SMITH/PA", "Photo: ...", "© ...". */
const CREDIT_LINE = new RegExp(
  `^(?:(?:photo|picture|image)s?(?: credit)?\\s*[:©].+|©.+|(?:[\\p{L}'’.\\- ]+/)*${AGENCY}(?:\\s+via\\s+${AGENCY})?)$`,
  'iu',
);

/** Headers of blocks of links to other stories. */
const RELATED_HEADER =
  /^(?:you (?:may|might) also like|related(?: articles| stories| news| posts| links)?|more from [^.!?]+|recommended(?: for you| stories)?|most (?:read|popular)|read (?:more|next)|trending(?: now)?|more stories|top stories|popular now)\s*:?$/iu;

const APP_PROMO = /\bdownload (?:the|our) app\b|^(?:\s|app[- ]?store|play[- ]?store|google[- ]?play)+$/iu;
const SPONSOR = /^(?:sponsor(?:ed)?(?: by)?|advertisement|advertising|promoted|paid (?:content|post)|partner content)\s*(?::|$)/iu;
const IMAGE_LABEL = /^NextImg:\s*/iu;
const NAVIGATION = new Set([
  'back', 'topic', 'topics', 'home', 'menu', 'next', 'previous', 'prev', 'share', 'tweet', 'email', 'print',
  'more', 'top', 'search', 'login', 'log in', 'sign in', 'subscribe', 'close', 'skip to content', 'logo',
  'comments', 'follow', 'save', 'listen', 'copy link', 'back to top',
  'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'reddit', 'telegram', 'share this article', 'share this story',
  'share this page', 'share on facebook', 'share on twitter', 'share on x', 'share article',
]);
/** "By Jane Doe", "By Jane Doe, Balkans correspondent", "By Jane Doe and John Roe". */
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|and|&|de|van|von|der|al))*(?:\s*[,|–—-]\s*[^.!?]{0,60})?$/u;
const TAG_LINE = /^[•·▪‣◦●]\s*\S/u;
const CLOCK = /\b\d{1,2}[:.]\d{2}\s*(?:am|pm)?\b|\b(?:am|pm|gmt|bst|utc|et|updated|published|posted|on)\b/giu;

/** A line that could be a caption, outlet or link title: short, not ending like a sentence. */
export function isTitleLike(norm: string): boolean {
  return norm.length > 0 && norm.length <= 200 && wordCount(norm) <= 30 && !endsLikeSentence(norm);
}

export function stripImageLabel(norm: string): string {
  return norm.replace(IMAGE_LABEL, '');
}

function isCreditLine(norm: string): boolean {
  return CREDIT_LINE.test(norm);
}

/** After a caption printed twice, a short run of capitalised words ("Reuters", "PA Wire") is its credit. */
function isShortCredit(norm: string): boolean {
  const words = norm.split(' ');
  return words.length <= 4 && !endsLikeSentence(norm) && words.every((w) => /^(?:\p{Lu}[\p{L}'’.\-/]*|via)$/u.test(w));
}

function isDateStamp(norm: string): boolean {
  if (STAMP_LINE.test(norm)) return true;
  if (!new RegExp(PRINTED_DATE, 'u').test(norm)) return false;
  const rest = norm.replace(new RegExp(PRINTED_DATE, 'gu'), '').replace(CLOCK, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** The single-line rules, in the order they are tried. */
const LINE_RULES: readonly { rule: FurnitureRule; test: (norm: string) => boolean }[] = [
  { rule: 'image-label', test: (n) => IMAGE_LABEL.test(n) },
  { rule: 'app-promo', test: (n) => APP_PROMO.test(n) },
  { rule: 'sponsor', test: (n) => SPONSOR.test(n) },
  { rule: 'stamp', test: isDateStamp },
  // A bar of "|"-separated bits (date, location, share links): never a sentence.
  { rule: 'widget', test: (n) => n.includes('|') && n.length <= 100 && !endsLikeSentence(n) },
  { rule: 'navigation', test: (n) => NAVIGATION.has(n.toLowerCase()) },
  { rule: 'byline', test: (n) => BYLINE.test(n) && wordCount(n) <= 12 },
  { rule: 'symbols', test: (n) => !/[\p{L}\p{N}]/u.test(n) },
  { rule: 'counter', test: (n) => /^\d{1,3}$/u.test(n) },
  { rule: 'credit', test: isCreditLine },
  { rule: 'tag-line', test: (n) => TAG_LINE.test(n) && wordCount(n) <= 5 && !endsLikeSentence(n) },
  // A short line in capitals with no sentence punctuation: a masthead or section heading.
  {
    rule: 'masthead',
    test: (n) => !/\p{Ll}/u.test(n) && (n.match(/\p{L}/gu)?.length ?? 0) >= 3 && wordCount(n) <= 8 && !endsLikeSentence(n),
  },
  // Lines that end like a sentence but are the page talking, not the story (see web-cues.ts).
  { rule: 'cue-label', test: isCueLabel },
  { rule: 'appeal', test: isAppeal },
  { rule: 'page-note', test: isPageNote },
  { rule: 'credit', test: isCreditByline },
  { rule: 'heading', test: isTitleCaseLine },
];

export function lineRule(norm: string): FurnitureRule | undefined {
  return LINE_RULES.find((r) => r.test(norm))?.rule;
}

/** A printing of the headline, also behind a "NextImg:" label. */
function sameHeadline(norm: string, headline: string | undefined): boolean {
  if (headline === undefined) return false;
  return stripImageLabel(norm).toLowerCase() === headline.toLowerCase();
}

/** Classifies every line of a page (or of one aggregator item's body). Linear in the number of lines. */
export function classifyLines(lines: readonly RawLine[], headline?: string): LineVerdict[] {
  const verdicts: LineVerdict[] = lines.map((l) => (l.norm === '' ? { kind: 'blank' } : { kind: 'body' }));
  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (l.norm !== '') nonBlank.push(i);
  });
  const wantedHeadline = headline === undefined ? undefined : headline.replace(/\s+/gu, ' ').trim();
  const norm = (t: number): string => {
    const i = nonBlank[t];
    return i === undefined ? '' : (lines[i]?.norm ?? '');
  };
  const mark = (t: number, verdict: LineVerdict): void => {
    const i = nonBlank[t];
    if (i !== undefined) verdicts[i] = verdict;
  };

  let t = 0;
  while (t < nonBlank.length) {
    const text = norm(t);
    if (sameHeadline(text, wantedHeadline)) {
      mark(t++, { kind: 'headline' });
      continue;
    }
    if (RELATED_HEADER.test(text)) {
      // The header and the run of link titles under it.
      mark(t++, { kind: 'furniture', rule: 'related-links' });
      while (t < nonBlank.length && isTitleLike(norm(t))) mark(t++, { kind: 'furniture', rule: 'related-links' });
      continue;
    }
    if (isTitleLike(text) && t + 1 < nonBlank.length && norm(t + 1) === text) {
      // A picture caption is printed twice, then usually its credit.
      mark(t++, { kind: 'furniture', rule: 'caption' });
      mark(t++, { kind: 'furniture', rule: 'caption' });
      if (t < nonBlank.length && (isCreditLine(norm(t)) || isShortCredit(norm(t)))) {
        mark(t++, { kind: 'furniture', rule: 'credit' });
      }
      continue;
    }
    const rule = lineRule(text) ?? (isShortLine(text, norm(t + 1)) ? 'short-line' : undefined);
    if (rule !== undefined) mark(t, { kind: 'furniture', rule });
    t++;
  }
  // Above the headline, a line that is no sentence is the page's masthead or menu, not the article.
  const firstHeadline = verdicts.findIndex((verdict) => verdict.kind === 'headline');
  for (let i = 0; i < firstHeadline; i++) {
    const line = lines[i];
    if (verdicts[i]?.kind === 'body' && line && isTitleLike(line.norm)) verdicts[i] = { kind: 'furniture', rule: 'masthead' };
  }
  return verdicts;
}

/**
 * A short line that does not end like a sentence is a heading, a link, a caption, a label or a button: news text is
 * printed in sentences. Two shapes are text all the same: a line that opens a quotation printed below it ("He
 * said:"), and a line cut mid-sentence whose next line carries on in lower case.
 */
function isShortLine(text: string, next: string): boolean {
  if (!isTitleLike(text)) return false;
  if (text.endsWith(':') && /^["'“‘«„]/u.test(next)) return false;
  return !(/[\p{Ll},;\-–]$/u.test(text) && /^\p{Ll}/u.test(next));
}
