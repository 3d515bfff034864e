/**
 * How news sites in general word the furniture that reads like a sentence: appeals to the reader (subscribe, donate,
 * sign up, accept cookies), labels with a colon ("Read more:", "Privacy Notice:"), notes about the page itself,
 * legal footers and credit lines. Generic web vocabulary, never strings taken from particular pages: a rule here
 * must hold for any news site.
 */
import { endsLikeSentence, wordCount } from './text.ts';

/** Imperatives that only a page's call to action opens with ("Sign up to our newsletter ..."), at any length. */
const CALL_TO_ACTION =
  /^(?:subscribe|sign[ -]?(?:up|in)|log ?in|donate|become an? (?:member|subscriber|supporter|patron)|join us|follow us|send us|download|get (?:the|our) app|click|tap|enter your|unlock|upgrade|chip in|remind me)\b/iu;
/** Buttons that a story's sentence may also open with ("Support for the plan ..."): furniture only when short. */
const BUTTON = /^(?:support|register|contribute|accept|reject|manage|try|continue|agree)\b/iu;
/** How an appeal ends when it is short: "Sign up here.", "Subscribe now!" */
const APPEAL_END = /(?:\b(?:here|now|today|free)|!)\W*$/iu;

/** Words of the reader's dealings with the site: cookies, accounts, newsletters, payments, devices. */
const READER_CUE =
  /\b(?:cookies?|newsletters?|e-?mail|inbox|subscri(?:be|ption|ber)s?|sign[ -]up|privacy|donat(?:e|ion)s?|contribut(?:e|ion)|membership|member|paywall|journalism|advert(?:s|ising|isement)?|ads|app|browser|javascript|notifications?|account|click|tap|device|preferences|consent|partners|unlimited access|free trial)\b/iu;
/** The same in the site's own voice ("we", "our"), narrower: a report may say "we" of an e-mail or an account. */
const SITE_CUE =
  /\b(?:cookies?|newsletters?|subscri(?:be|ption|ber)s?|privacy|donat(?:e|ion)s?|membership|paywall|journalism|advertising|consent|partners|unlimited access|free trial)\b/iu;
const READER = /\b(?:you|your|yours)\b/iu;
const SITE_VOICE = /\b(?:we|us|our)\b/iu;

/** A cue word and a colon opening the line: "Read more:", "Privacy Notice:", "Watch:", "Tags:". */
const CUE_LABEL =
  /^(?:read (?:more|also|next)|also read|see also|more on this(?: story)?|related(?: articles?| stories| content| reading| topics)?|watch|listen|video|audio|podcast|photo|image|picture|gallery|credits?|tags?|topics|privacy(?: notice| policy)?|cookies?(?: policy| notice)?|advertisement|sponsored|promoted|recommended|most (?:read|viewed|popular)|don'?t miss|you (?:may|might) also like|trending|editor'?s picks?)\s*:/iu;

/** A note about the page rather than the story: "Comments are closed ...", "This article appears in ...". */
const PAGE_NOTE =
  /^(?:comments? (?:are|is) (?:now )?(?:closed|open|disabled)|have your say|join the (?:conversation|discussion|debate)|this (?:article|story|page|content) (?:appears|appeared|was (?:first |originally )?(?:published|written|amended|updated|produced|corrected|translated)|is (?:part of|from|available)))/iu;
/** A wire's closing credit: "Jane Doe in Rome contributed to this report." */
const CONTRIBUTED = /\bcontributed(?: reporting)? to this (?:report|story|article)\W*$/iu;

/** Legal footers: "© 2025 ...", "Copyright 2025 ...", "All rights reserved", "Registered in <country> ...". */
const LEGAL = /©|\bcopyright\s+(?:©\s*)?\d{4}|\ball rights reserved\b|(?:^|[.;]\s+)registered in \p{Lu}/iu;

/** Credit lines: "Words by ... Photographs by ...", "(Reporting by ...; Editing by ...)". */
const CREDIT_BY =
  /^\(?(?:words|text|photographs|photography|photos|pictures|images|reporting|additional reporting|editing|edited|illustrations?|graphics|video|produced|interview|translated)(?: and [a-z]+)? by\s+\p{Lu}/iu;
/** Words a credit line may hold besides names. */
const CREDIT_WORDS = new Set(
  'by and in for with of the words text photographs photography photos pictures images reporting additional editing edited illustration illustrations graphics video produced interview translated'.split(
    ' ',
  ),
);

/** A quotation mark opening speech: double marks anywhere, a single mark at the start of a word (not "don't"). */
const QUOTATION_MARK = /["“”«»„]|(?<![\p{L}\p{N}])['‘]\p{L}/u;

/** A call to action or an appeal to the reader (newsletter, donation, cookie consent). */
export function isAppeal(norm: string): boolean {
  // A call to action ("Sign up here."), or a short button that a sentence could also open with ("Support us").
  if (CALL_TO_ACTION.test(norm) && wordCount(norm) <= 40) return true;
  if (BUTTON.test(norm) && wordCount(norm) <= 6 && (!endsLikeSentence(norm) || APPEAL_END.test(norm))) return true;
  // A longer appeal talks to the reader, or in the site's own voice, about the reader's dealings with the site. A line
  // holding a quotation is someone's speech ("'If you want to donate ...,' she said"), not the page talking.
  if (QUOTATION_MARK.test(norm)) return false;
  return (READER.test(norm) && READER_CUE.test(norm)) || (SITE_VOICE.test(norm) && SITE_CUE.test(norm));
}

export function isCueLabel(norm: string): boolean {
  return CUE_LABEL.test(norm);
}

export function isPageNote(norm: string): boolean {
  return PAGE_NOTE.test(norm) || LEGAL.test(norm) || (CONTRIBUTED.test(norm) && wordCount(norm) <= 25);
}

export function isCreditByline(norm: string): boolean {
  if (!CREDIT_BY.test(norm)) return false;
  const words = norm.replace(/[().,;:]/gu, ' ').split(/\s+/u).filter(Boolean);
  return words.every((word) => CREDIT_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word));
}

/** Small words a Title Case heading leaves in lower case. */
const HEADING_CONNECTIVES = new Set('a an and at by for from in of on or the to with vs via &'.split(' '));

/** A line of Title Case words, even ending in a full stop ("Our Standards: The Trust Principles."): a heading or a label. */
export function isTitleCaseLine(norm: string): boolean {
  const words = norm.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 2 || words.length > 12) return false;
  let capitalised = 0;
  for (const word of words) {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitalised++;
    else if (!HEADING_CONNECTIVES.has(bare.replace(/[^\p{L}&]+$/u, ''))) return false;
  }
  return capitalised >= 2;
}
