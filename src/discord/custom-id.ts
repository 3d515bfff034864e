import { CUSTOM_ID_MAX } from './limits.ts';

/**
 * Button custom ids: the only state a button carries across Discord. Each fits in 100 characters.
 *   page:  "pg:<answerKey>:<p|n>:<targetPage>:<askerId>"  Prev/Next of a paged answer
 *   pin:   "pin"                                          Pin the message the button is on
 * The answer itself stays in the bot's memory under answerKey (a user's question can be longer than
 * a custom id); the asker's id is in the custom id so that a refusal works even without that memory.
 */

export type CustomId = { kind: 'page'; answerKey: string; direction: 'prev' | 'next'; page: number; askerId: string } | { kind: 'pin' };

const ANSWER_KEY = /^[a-z0-9]{1,24}$/u;
const SNOWFLAKE = /^\d{1,20}$/u;

export function encodeCustomId(id: CustomId): string {
  let encoded: string;
  switch (id.kind) {
    case 'pin':
      encoded = 'pin';
      break;
    case 'page':
      if (!ANSWER_KEY.test(id.answerKey))
        throw new RangeError(`custom id: answer key must be 1-24 lowercase letters or digits, got "${id.answerKey}"`);
      if (!SNOWFLAKE.test(id.askerId)) throw new RangeError(`custom id: asker id must be a snowflake, got "${id.askerId}"`);
      if (!Number.isInteger(id.page) || id.page < 0) throw new RangeError(`custom id: page must be a whole number >= 0, got ${id.page}`);
      encoded = `pg:${id.answerKey}:${id.direction === 'prev' ? 'p' : 'n'}:${id.page}:${id.askerId}`;
      break;
  }
  if (encoded.length > CUSTOM_ID_MAX) throw new RangeError(`custom id longer than ${CUSTOM_ID_MAX} characters: ${encoded}`);
  return encoded;
}

/** Null for an id this bot does not (or no longer) understand. */
export function decodeCustomId(raw: string): CustomId | null {
  if (raw === 'pin') return { kind: 'pin' };
  const parts = raw.split(':');
  if (parts.length === 5 && parts[0] === 'pg') {
    const [, answerKey = '', direction, page = '', askerId = ''] = parts;
    if (!ANSWER_KEY.test(answerKey) || !SNOWFLAKE.test(askerId) || !/^\d{1,4}$/u.test(page)) return null;
    if (direction !== 'p' && direction !== 'n') return null;
    return { kind: 'page', answerKey, direction: direction === 'p' ? 'prev' : 'next', page: Number(page), askerId };
  }
  return null;
}
