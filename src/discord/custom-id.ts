import { CUSTOM_ID_MAX } from './limits.ts';

/**
 * Button custom ids: the only state a button carries across Discord. Each fits in 100 characters.
 *   page:       "pq|<command>|<page>|<askerId>|<corpus>|<option 1>|<option 2>…"  Prev/Next, stateless
 *   kept-page:  "pg:<answerKey>:<p|n>:<page>:<askerId>"                             Prev/Next, pages kept in memory
 *   share:      "share:<1|0>"                                                      Post a private answer publicly
 *   pin:        "pin"                                                              Pin the message the button is on
 * A stateless page button holds the whole request (command, its option values in definition order, the page
 * and who may turn it), so any process, after any restart and on any shard, can answer it again; `corpus` is
 * a short version of the corpus the answer came from, to say when the coverage changed since. Page and asker
 * are in base 36 to leave the room to the options. When the options do not fit, the pages are kept in memory
 * instead (kept-page) and the answer says that its buttons stop working when the bot restarts.
 */

export type CustomId =
  | { kind: 'page'; command: string; page: number; askerId: string; corpus: string; options: string[] }
  | { kind: 'kept-page'; answerKey: string; direction: 'prev' | 'next'; page: number; askerId: string }
  | { kind: 'share'; cited: boolean }
  | { kind: 'pin' };

const ANSWER_KEY = /^[a-z0-9]{1,24}$/u;
const SNOWFLAKE = /^\d{1,20}$/u;
const COMMAND = /^[a-z][a-z-]{0,31}$/u;
const CORPUS = /^[0-9a-z]{0,12}$/u;
const BASE36 = /^[0-9a-z]{1,14}$/u;
const PAGE_MAX = 9_999;

/** True when the id can be encoded within Discord's 100 characters. */
export function fitsCustomId(id: CustomId): boolean {
  try {
    encodeCustomId(id);
    return true;
  } catch {
    return false;
  }
}

export function encodeCustomId(id: CustomId): string {
  let encoded: string;
  switch (id.kind) {
    case 'pin':
      encoded = 'pin';
      break;
    case 'share':
      encoded = `share:${id.cited ? 1 : 0}`;
      break;
    case 'kept-page':
      if (!ANSWER_KEY.test(id.answerKey))
        throw new RangeError(`custom id: answer key must be 1-24 lowercase letters or digits, got "${id.answerKey}"`);
      checkAskerAndPage(id);
      encoded = `pg:${id.answerKey}:${id.direction === 'prev' ? 'p' : 'n'}:${id.page}:${id.askerId}`;
      break;
    case 'page':
      if (!COMMAND.test(id.command)) throw new RangeError(`custom id: not a command name: "${id.command}"`);
      if (!CORPUS.test(id.corpus)) throw new RangeError(`custom id: corpus version must be up to 12 letters or digits, got "${id.corpus}"`);
      checkAskerAndPage(id);
      encoded = ['pq', id.command, id.page.toString(36), BigInt(id.askerId).toString(36), id.corpus, ...id.options.map(escapeValue)].join(
        '|',
      );
      break;
  }
  if (encoded.length > CUSTOM_ID_MAX) throw new RangeError(`custom id longer than ${CUSTOM_ID_MAX} characters: ${encoded}`);
  return encoded;
}

/** Null for an id this bot does not (or no longer) understand. */
export function decodeCustomId(raw: string): CustomId | null {
  if (raw === 'pin') return { kind: 'pin' };
  if (raw === 'share:1' || raw === 'share:0') return { kind: 'share', cited: raw === 'share:1' };
  if (raw.startsWith('pq|')) return decodePage(raw);
  const parts = raw.split(':');
  if (parts.length === 5 && parts[0] === 'pg') {
    const [, answerKey = '', direction, page = '', askerId = ''] = parts;
    if (!ANSWER_KEY.test(answerKey) || !SNOWFLAKE.test(askerId) || !/^\d{1,4}$/u.test(page)) return null;
    if (direction !== 'p' && direction !== 'n') return null;
    return { kind: 'kept-page', answerKey, direction: direction === 'p' ? 'prev' : 'next', page: Number(page), askerId };
  }
  return null;
}

function decodePage(raw: string): CustomId | null {
  const [, command = '', page = '', asker = '', corpus = '', ...options] = raw.split('|');
  if (!COMMAND.test(command) || !BASE36.test(page) || !BASE36.test(asker) || !CORPUS.test(corpus)) return null;
  const pageNumber = parseInt(page, 36);
  const askerId = base36ToDecimal(asker);
  if (pageNumber > PAGE_MAX || !SNOWFLAKE.test(askerId)) return null;
  return { kind: 'page', command, page: pageNumber, askerId, corpus, options: options.map(unescapeValue) };
}

function checkAskerAndPage(id: { askerId: string; page: number }): void {
  if (!SNOWFLAKE.test(id.askerId)) throw new RangeError(`custom id: asker id must be a snowflake, got "${id.askerId}"`);
  if (!Number.isInteger(id.page) || id.page < 0 || id.page > PAGE_MAX)
    throw new RangeError(`custom id: page must be a whole number from 0 to ${PAGE_MAX}, got ${id.page}`);
}

function base36ToDecimal(text: string): string {
  let value = 0n;
  for (const digit of text) value = value * 36n + BigInt(parseInt(digit, 36));
  return value.toString();
}

/** The separator and the escape character are the only characters an option value cannot carry as they are. */
function escapeValue(value: string): string {
  return value.replace(/[%|]/gu, (character) => (character === '%' ? '%25' : '%7C'));
}

function unescapeValue(value: string): string {
  return value.replace(/%(25|7C)/gu, (escape) => (escape === '%25' ? '%' : '|'));
}
