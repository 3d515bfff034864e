/**
 * The ASCII twin of a Unicode regex finds the same matches wherever it is used, and is not used where
 * it would not (a letter beyond ASCII, a character beyond the BMP).
 */
import { describe, expect, it } from 'vitest';
import { regexFor, twinRegex, twinsAgreeOn } from '../../src/text/ascii-regex.ts';

const WORDS = twinRegex(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}])/gu);
const matches = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((match) => [match.index, match[0]]);

describe('ASCII twins of Unicode regexes', () => {
  it('find what the Unicode regex finds in text whose only non-ASCII characters are punctuation', () => {
    const text = '“The UK’s plan,” said Keir Starmer — in London’s 2025 budget… ‘Not yet’';
    expect(twinsAgreeOn(text)).toBe(true);
    expect(matches(WORDS.ascii, text)).toEqual(matches(WORDS.unicode, text));
    expect(matches(WORDS.ascii, text).map(([, word]) => word)).toEqual(['The', 'UK’s', 'Keir', 'Starmer', 'London’s', 'Not']);
  });

  it('are not used on text with a letter or digit beyond ASCII, or a character beyond the BMP', () => {
    for (const text of ['President Vučić said', 'Ölüdeniz', 'half ½ of it', 'Keir 😀 Starmer']) {
      expect(twinsAgreeOn(text)).toBe(false);
      expect(regexFor(WORDS, text)).toBe(WORDS.unicode);
    }
    // The twin would miss "Vučić": the Unicode regex finds it.
    expect(matches(regexFor(WORDS, 'President Vučić said'), 'President Vučić said').map(([, word]) => word)).toEqual([
      'President',
      'Vučić',
    ]);
  });

  it('refuses a pattern it cannot twin exactly', () => {
    expect(() => twinRegex(/\p{M}/u)).toThrow(/no ASCII twin/);
    expect(() => twinRegex(/\P{L}/u)).toThrow(/no ASCII twin/);
  });
});
