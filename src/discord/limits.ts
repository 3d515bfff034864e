/**
 * Discord's limits, in one place. Every module that builds a message, a button or an autocomplete
 * answer takes its numbers from here. Lengths are counted in UTF-16 code units (String#length),
 * which is never less than the characters Discord counts, so staying under them is always safe.
 */

export const MESSAGE_CONTENT_MAX = 2_000;

export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4_096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1_024;
export const EMBED_FOOTER_MAX = 2_048;
export const EMBED_AUTHOR_MAX = 256;
/** Sum of every embed's title, description, field names and values, footer and author in one message. */
export const EMBEDS_TOTAL_MAX = 6_000;
export const EMBEDS_PER_MESSAGE_MAX = 10;
export const EMBED_URL_MAX = 2_048;

export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;
export const BUTTONS_PER_ROW_MAX = 5;
export const ACTION_ROWS_MAX = 5;

export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;

/** Discord drops an interaction that gets no first response within this time. */
export const INTERACTION_RESPONSE_DEADLINE_MS = 3_000;

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters, cutting at a word boundary and marking the cut with an
 * ellipsis. Falls back to a hard cut when the only boundary would throw away more than half the room
 * (one very long word), and never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (max < 0) throw new RangeError(`truncate: max must be at least 0, got ${max}`);
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  let cut = text.slice(0, room + 1);
  const boundary = lastWhitespace(cut);
  cut = boundary >= room / 2 ? cut.slice(0, boundary) : cut.slice(0, room);
  cut = dropLoneHighSurrogate(cut).replace(/[\s,;:.\-–—]+$/u, '');
  // A trailing backslash would escape the ellipsis's neighbour in markdown; drop it too.
  cut = cut.replace(/\\+$/u, '');
  return cut + ELLIPSIS;
}

function lastWhitespace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if (/\s/u.test(text[i] ?? '')) return i;
  }
  return -1;
}

function dropLoneHighSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
