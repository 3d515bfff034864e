/**
 * The shipped pages with no gazetteer at all: people, organisations and places come from the text and the
 * world's data. Scored against the hand-made labels (test/fixtures/labelled/quotations.json), whose speakers
 * are gazetteer ids: the fixture's gazetteer is read only to know what each label means ("conservatives" is
 * the party printed "the Tories"), never by the analysis. An honest "unattributed" is never wrong.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparableWords } from '../../src/analysis/alike.ts';
import { EMPTY_GAZETTEER, buildGazetteer, loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { analyze } from '../../src/analysis/index.ts';
import type { Analysis, Quotation } from '../../src/analysis/types.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { foldKey } from '../../src/text/fold.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const TARGET_RIGHT = 0.9;

interface Label {
  outlet: string;
  text: string;
  speaker: string;
}

const labels = (JSON.parse(readFileSync('test/fixtures/labelled/quotations.json', 'utf8')) as { quotations: Label[] }).quotations;
/** Only to read the labels: what each labelled id is called. */
const meaning = loadGazetteer(SEED_GAZETTEER_FILE);

const words = (text: string) => comparableWords(text).join(' ');
const within = (inner: string, outer: string) => ` ${words(outer)} `.includes(` ${words(inner)} `);

let analysis: Analysis;
let scored: { label: Label; pieces: Quotation[]; found: boolean; right: boolean; wrong: Quotation[] }[];

/** Whether a reported speaker is the labelled one: the same id, or an entity printed with one of its names. */
function isLabelled(speaker: string, labelled: string): boolean {
  if (speaker === labelled) return true;
  const wanted = meaning.byId.get(labelled);
  const got = analysis.entities.find((entity) => entity.id === speaker);
  if (!wanted || !got) return false;
  const forms = new Set(wanted.aliases.map(foldKey));
  return [got.name, ...got.aliases].some((form) => forms.has(foldKey(form)));
}

beforeAll(async () => {
  const corpus = await loadCorpus(SEED_CORPUS_DIR);
  analysis = analyze(corpus, buildGazetteer(EMPTY_GAZETTEER, 'no gazetteer'));
  const labelOf = new Map<Quotation, Label>();
  for (const quotation of analysis.quotations) {
    const holders = labels.filter((label) => label.outlet === quotation.outlet && within(quotation.text, label.text));
    const best = holders.sort((a, b) => comparableWords(a.text).length - comparableWords(b.text).length)[0];
    if (best && words(quotation.text) !== '') labelOf.set(quotation, best);
  }
  scored = labels.map((label) => {
    const pieces = analysis.quotations.filter((quotation) => labelOf.get(quotation) === label);
    const covered = pieces.reduce((sum, piece) => sum + comparableWords(piece.text).length, 0);
    const found = covered >= 0.9 * comparableWords(label.text).length;
    const wrong = pieces.filter((piece) => piece.speaker !== null && !isLabelled(piece.speaker, label.speaker));
    const right = found && pieces.every((piece) => piece.speaker !== null && isLabelled(piece.speaker, label.speaker));
    return { label, pieces, found, right, wrong };
  });
  const right = scored.filter((score) => score.right).length;
  console.log(
    [
      `without a gazetteer: speakers right ${right}/${scored.length} (${((100 * right) / scored.length).toFixed(1)}%)`,
      ...scored
        .filter((score) => !score.right)
        .map(
          (score) =>
            `  [${score.label.outlet}] "${score.label.text.slice(0, 50)}" -> ${score.pieces.map((p) => p.speaker).join(', ')} (want ${score.label.speaker})`,
        ),
    ].join('\n'),
  );
});

describe('the shipped pages without a gazetteer', () => {
  it(`gives at least ${TARGET_RIGHT * 100}% of the labelled quotations their right speaker`, () => {
    expect(scored.filter((score) => score.right).length / scored.length).toBeGreaterThanOrEqual(TARGET_RIGHT);
  });

  it('says which rules gave each attributed quotation its speaker', () => {
    const attributed = analysis.quotations.filter((quotation) => quotation.speaker !== null);
    expect(attributed.length).toBeGreaterThan(40);
    expect(attributed.filter((quotation) => !quotation.rule).map((quotation) => quotation.id)).toEqual([]);
    const osmani = attributed.find(
      (quotation) => quotation.text.startsWith('There’s been no formal talks') || quotation.text.startsWith("There's been no formal talks"),
    );
    expect(osmani?.rule).toBe('speech verb before the quotation; X said');
  });

  it('gives no quotation to the wrong person', () => {
    expect(scored.flatMap((score) => score.wrong.map((piece) => `${piece.id}: ${piece.speaker} (want ${score.label.speaker})`))).toEqual(
      [],
    );
  });

  it('knows the people, organisations and countries of the story from the text and the world data', () => {
    const byId = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    for (const id of ['keir-starmer', 'vjosa-osmani', 'edi-rama', 'chris-philp', 'aleksandar-vucic']) {
      expect(byId.get(id), id).toMatchObject({ kind: 'person', origin: 'discovered' });
    }
    for (const id of ['serbia', 'kosovo', 'albania', 'north-macedonia', 'bosnia-and-herzegovina', 'montenegro', 'croatia']) {
      expect(byId.get(id), id).toMatchObject({ kind: 'place', origin: 'world' });
    }
    expect(byId.get('downing-street')?.kind).toBe('organisation');
    // "Vučić" and "Vucic", "President Vucic" and "Aleksandar Vucic": one person.
    expect(analysis.entities.filter((entity) => /vucic/u.test(foldKey(entity.name)))).toHaveLength(1);
  });
});
