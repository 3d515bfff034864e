import { describe, expect, it } from 'vitest';
import type { Article, Passage } from '../../src/corpus/types.ts';
import { findFigures } from '../../src/analysis/figures.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);

function article(id: string, outlet: string): Article {
  return {
    id,
    outlet,
    site: 'example.com',
    url: 'https://example.com/a',
    headline: 'A headline',
    date: null,
    file: 'x.txt',
    itemIndex: 0,
    furnitureChars: 0,
    truncated: false,
  };
}

function figuresIn(text: string, from = article('sky-news', 'Sky News')) {
  const passage: Passage = { id: `${from.id}:3`, articleId: from.id, index: 3, text, start: 0, end: text.length, paragraph: 0 };
  return findFigures(passage, from, gazetteer);
}

/** [value, printed, counts] triples. */
function claims(text: string) {
  return figuresIn(text).map((figure) => [figure.value, figure.printed, figure.counts]);
}

describe('findFigures', () => {
  it('keeps the outlet, article, passage and the offsets of the printed words', () => {
    const text = 'A record 13,573 small boat migrants have reached the UK so far this year.';
    const [figure] = figuresIn(text, article('the-sun', 'The Sun'));
    expect(figure).toEqual({
      passageId: 'the-sun:3',
      articleId: 'the-sun',
      outlet: 'The Sun',
      value: 13573,
      printed: 'A record 13,573',
      counts: 'small-boat arrivals this year',
      start: 0,
      end: 15,
    });
    expect(text.slice(figure!.start, figure!.end)).toBe(figure!.printed);
  });

  it("gives two outlets' small-boat counts the same label, with their qualifiers", () => {
    expect(claims('A record 13,573 small boat migrants have reached the UK so far this year.')).toEqual([
      [13573, 'A record 13,573', 'small-boat arrivals this year'],
    ]);
    expect(
      claims(
        'Over 12,000 people have crossed the Channel illegally on small boats so far this year, with 2025 on course to a record year for crossings.',
      ),
    ).toEqual([
      [12000, 'Over 12,000', 'small-boat arrivals this year'],
      [2025, '2025', 'year'],
    ]);
  });

  it('gives the Western Balkans route counts the same label whichever way they are told', () => {
    expect(
      claims('Nearly 22,000 people used the Western Balkans to enter Europe last year, the Foreign Office said earlier this year.'),
    ).toEqual([[22000, 'Nearly 22,000', 'Western Balkans route crossings last year']]);
    expect(
      claims(
        'The Western Balkans region saw nearly 22,000 irregular migrant crossings into Europe last year, prompting concerns about migration routes.',
      ),
    ).toEqual([[22000, 'nearly 22,000', 'Western Balkans route crossings last year']]);
  });

  it('reads number words and labels the countries on the shortlist alike', () => {
    expect(
      claims('Serbia, Kosovo, North Macedonia and Bosnia-Herzegovina are on a shortlist of about nine countries drawn up by ministers.'),
    ).toEqual([[9, 'about nine', 'countries on the shortlist']]);
    expect(
      claims('The paper reports Serbia and Kosovo are on a shortlist of nine nations where rejected asylum seekers could be relocated.'),
    ).toEqual([[9, 'nine', 'countries on the shortlist']]);
    expect(claims('Kosovo is understood to be on a list of nine countries, several of which are in the Balkans.')).toEqual([
      [9, 'nine', 'countries on the shortlist'],
    ]);
  });

  it('labels countries by the region they are in', () => {
    expect(claims('There are six countries in the Western Balkans which are seen as central to UK efforts.')).toEqual([
      [6, 'six', 'Western Balkans countries'],
    ]);
    expect(claims('Given that all six Western Balkan nations have historical ties to Russia, there is a fear.')).toEqual([
      [6, 'six', 'Western Balkans countries'],
    ]);
  });

  it('finds years with their printed qualifier', () => {
    expect(
      claims(
        'A plan was blocked when the previous Conservative government drew up a shortlist for a Rwanda-style deportation scheme in 2022.',
      ),
    ).toEqual([[2022, '2022', 'year']]);
    expect(
      claims(
        'Since coming to power in mid-2024, the government acted. In late 2024, Starmer visited Italy. In May 2025, he visited Albania.',
      ),
    ).toEqual([
      [2024, 'mid-2024', 'year'],
      [2024, 'late 2024', 'year'],
      [2025, 'May 2025', 'year'],
    ]);
  });

  it('takes no figure from a number that counts nothing', () => {
    expect(
      claims('President Vjosa Osmani said her country would welcome discussions. 2 The western Balkan nation is being considered.'),
    ).toEqual([]);
    expect(claims('1:30 Downing Street said they would be for people. No 10 declined. MI6 is said to be concerned.')).toEqual([]);
    expect(claims('He has visited Moscow several times. There are hundreds of ways. Kosovo will be one of the countries asked.')).toEqual(
      [],
    );
    expect(claims('Pune Railway Station Fortress Check Nets ₹2.1 Lakh In Fines')).toEqual([]);
  });

  it('keeps a plain count it has no synonym for as printed', () => {
    expect(claims('The government has hired 1,200 new caseworkers this year.')).toEqual([[1200, '1,200', 'new caseworkers this year']]);
  });
});
