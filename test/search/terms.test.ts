import { describe, expect, it } from 'vitest';
import { termOf, termsOf, tokenize } from '../../src/search/terms.ts';

describe('tokenize', () => {
  it('folds case and diacritics and drops possessives', () => {
    expect(tokenize("Vučić’s ally, Russia's Kremlin")).toEqual(['vucic', 'ally', 'russia', 'kremlin']);
  });

  it('keeps dotted abbreviations as one word', () => {
    expect(tokenize('The U.K. government')).toEqual(['the', 'uk', 'government']);
  });

  it('splits hyphenated names into their words', () => {
    expect(tokenize('Bosnia-Herzegovina')).toEqual(['bosnia', 'herzegovina']);
  });
});

describe('termOf', () => {
  it('meets simple English inflections at one term', () => {
    const forms = ['cross', 'crossed', 'crossing', 'crosses'].map(termOf);
    expect(new Set(forms).size).toBe(1);
    expect(termOf('hubs')).toBe(termOf('hub'));
    expect(termOf('countries')).toBe(termOf('country'));
  });

  it('drops stop words and question framing', () => {
    expect(termsOf('What did the outlets say about Serbia?')).toEqual([termOf('Serbia')]);
  });

  it('keeps numbers whole, thousands separators and all', () => {
    expect(termsOf('13,573 in 2022')).toEqual(['13573', '2022']);
    expect(termsOf('22000')).toEqual(termsOf('nearly 22,000').slice(1));
  });
});
