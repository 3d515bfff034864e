/**
 * What a user typed, without Discord's markup: mentions (`<@123>`, `<@!123>`, `@everyone`, `@here`),
 * channel and role tags (`<#123>`, `<@&123>`), custom emoji (`<:name:123>`), and markdown marks
 * (bold, italics, underline, strikethrough, spoilers, code, quote and heading prefixes, masked links).
 * The words are searched; the marks would only make a question miss. The echo of the input keeps what
 * was typed (front ends escape it).
 */

const TAGS = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<\/[\w -]+:\d+>|@(?:everyone|here)\b/gu;
const MASKED_LINK = /\[([^\]\n]+)\]\(<?https?:\/\/[^)\s]+>?\)/gu;
const LINE_PREFIXES = /^(?:\s*(?:>>>|>|#{1,3}|-#)\s+)+/gmu;
// Runs of marks: ** __ ~~ || ``` and single * _ ` at a word's edge ("*what*", "_did_"), not inside a word ("snake_case").
const MARK_RUNS = /\*{2,}|_{2,}|~{2,}|\|{2,}|`+/gu;
const EDGE_MARKS = /(?<![\p{L}\p{N}])[*_]+|[*_]+(?![\p{L}\p{N}])/gu;

export function plainText(text: string): string {
  return text.replace(TAGS, ' ').replace(MASKED_LINK, '$1').replace(LINE_PREFIXES, '').replace(MARK_RUNS, '').replace(EDGE_MARKS, '');
}
