/** Limits of the answer model itself, whatever the front end. Discord's own limits live in src/discord/limits.ts. */

/** Discord allows 25 autocomplete choices; the console shows as many. */
export const AUTOCOMPLETE_MAX_CHOICES = 25;
/** /ask returns at most this many passages. */
export const ASK_MAX_RESULTS = 5;
/** /outlet lists at most this many passages that only that outlet reports. */
export const OUTLET_MAX_EXCLUSIVES = 3;
/** /quote shows at most this many passages: a speaker quoted thousands of times gets the first of them, not all. */
export const QUOTE_MAX_RESULTS = 25;
