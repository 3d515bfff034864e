/**
 * Scores quotation finding and attribution on the real corpus against quotations labelled by hand
 * (test/fixtures/labelled/quotations.json). A labelled quotation is found when the quotations the
 * analysis reports in its outlet cover its words; it is attributed right when every piece covering
 * it names the labelled speaker. Prints the figures; fails below the targets.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { analyze, quotationsOf } from '../../src/analysis/index.ts';
import { comparableWords } from '../../src/analysis/alike.ts';
import type { Analysis, Quotation } from '../../src/analysis/types.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import type { Phrase } from '../../src/analysis/quotations.ts';
import { fold } from '../../src/text/fold.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const TARGET_FOUND = 1;
const TARGET_ATTRIBUTED = 0.95;
/** Share of a labelled quotation's words the found pieces must cover. */
const COVERAGE = 0.9;

interface Label {
  outlet: string;
  text: string;
  speaker: string;
}

const labels = JSON.parse(readFileSync('test/fixtures/labelled/quotations.json', 'utf8')) as {
  quotations: Label[];
  notQuotations: { outlet: string; text: string; why: string }[];
};

const words = (text: string) => comparableWords(text).join(' ');
/** Whether one text's words appear, word for word, inside the other's. */
const within = (inner: string, outer: string) => ` ${words(outer)} `.includes(` ${words(inner)} `);

interface Scored {
  label: Label;
  pieces: Quotation[];
  found: boolean;
  right: boolean;
}

let corpus: Corpus;
let analysis: Analysis;
let phrases: Phrase[];
let scored: Scored[];
let outletOf: (quotation: { articleId: string }) => string;

beforeAll(async () => {
  corpus = await loadCorpus(SEED_CORPUS_DIR);
  const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);
  analysis = analyze(corpus, gazetteer);
  phrases = quotationsOf(corpus, gazetteer).phrases;
  const articles = new Map(corpus.articles.map((article) => [article.id, article.outlet]));
  outletOf = (quotation) => articles.get(quotation.articleId) ?? '?';
  // Each reported piece counts for one label: the most specific (shortest) labelled quotation of its
  // outlet that holds its words ("not work as a deterrent" is the Tories' fragment, not Philp's sentence).
  const labelOf = new Map<Quotation, Label>();
  for (const quotation of analysis.quotations) {
    const holders = labels.quotations.filter((label) => label.outlet === quotation.outlet && within(quotation.text, label.text));
    const best = holders.sort((a, b) => comparableWords(a.text).length - comparableWords(b.text).length)[0];
    if (best && words(quotation.text) !== '') labelOf.set(quotation, best);
  }
  scored = labels.quotations.map((label) => {
    const pieces = analysis.quotations.filter((quotation) => labelOf.get(quotation) === label);
    const covered = pieces.reduce((sum, piece) => sum + comparableWords(piece.text).length, 0);
    const found = covered >= COVERAGE * comparableWords(label.text).length;
    const right = found && pieces.every((piece) => piece.speaker === label.speaker);
    return { label, pieces, found, right };
  });
  const found = scored.filter((score) => score.found).length;
  const right = scored.filter((score) => score.right).length;
  const lines = [
    `quotations labelled: ${scored.length}`,
    `found: ${found}/${scored.length} (${((100 * found) / scored.length).toFixed(1)}%)`,
    `attributed to the right speaker: ${right}/${scored.length} (${((100 * right) / scored.length).toFixed(1)}%)`,
    ...scored
      .filter((score) => !score.right)
      .map(
        (score) =>
          `  wrong or missing: [${score.label.outlet}] "${score.label.text.slice(0, 60)}" -> ${score.pieces.map((piece) => piece.speaker).join(', ') || 'not found'} (want ${score.label.speaker})`,
      ),
  ];
  console.log(lines.join('\n'));
});

describe('quotations on the real corpus, against the labelled set', () => {
  it('finds every labelled quotation', () => {
    const missed = scored.filter((score) => !score.found).map((score) => `[${score.label.outlet}] ${score.label.text}`);
    expect(missed).toEqual([]);
    expect(scored.filter((score) => score.found).length / scored.length).toBeGreaterThanOrEqual(TARGET_FOUND);
  });

  it('attributes at least 95% of them to the right speaker', () => {
    const right = scored.filter((score) => score.right).length;
    expect(right / scored.length).toBeGreaterThanOrEqual(TARGET_ATTRIBUTED);
  });

  it('never names a speaker the labels do not give (an honest "unattributed" is allowed)', () => {
    const wrong = scored.flatMap((score) =>
      score.pieces
        .filter((piece) => piece.speaker !== null && piece.speaker !== score.label.speaker)
        .map((piece) => `${piece.id}: ${piece.speaker} (want ${score.label.speaker})`),
    );
    expect(wrong).toEqual([]);
  });

  it('reports no scare quote as a quotation, and judges each of them a phrase', () => {
    const reported = labels.notQuotations.filter((phrase) =>
      analysis.quotations.some((quotation) => quotation.outlet === phrase.outlet && words(quotation.text) === words(phrase.text)),
    );
    expect(reported).toEqual([]);
    // Scare quotes that the corpus keeps in its passages must be seen, and set aside as phrases.
    const quotedIn = (text: string, phrase: string) => [`"${fold(phrase)}"`, `'${fold(phrase)}'`].some((form) => fold(text).includes(form));
    const inPassages = labels.notQuotations.filter((phrase) =>
      corpus.passages.some((passage) => outletOf(passage) === phrase.outlet && quotedIn(passage.text, phrase.text)),
    );
    const setAside = inPassages.filter((phrase) =>
      phrases.some((found) => outletOf(found) === phrase.outlet && words(found.text) === words(phrase.text)),
    );
    expect(setAside).toEqual(inPassages);
  });

  it('reports nothing the labels do not know: no quotation from page furniture, none invented', () => {
    const unknown = analysis.quotations.filter(
      (quotation) => !labels.quotations.some((label) => label.outlet === quotation.outlet && within(quotation.text, label.text)),
    );
    expect(unknown.map((quotation) => `${quotation.id}: ${quotation.text}`)).toEqual([]);
  });

  it('gives every quotation offsets that point at its words in its passage', () => {
    const passages = new Map(corpus.passages.map((passage) => [passage.id, passage]));
    for (const quotation of analysis.quotations) {
      expect(passages.get(quotation.passageId)?.text.slice(quotation.start, quotation.end)).toBe(quotation.text);
    }
  });
});
