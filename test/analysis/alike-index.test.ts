/**
 * The alike groups kept up to date as texts come and go are the groups of the new texts from scratch,
 * whatever the change: texts added anywhere in corpus order, removed, or reworded; shingles and words
 * that become too common to link texts (held by more than MAX_POSTINGS texts) and rare again.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate.ts';
import { type AlikeItem, AlikeIndex } from '../../src/analysis/alike-index.ts';
import { MAX_POSTINGS, type Measure, PASSAGE_MEASURE, QUOTATION_MEASURE, SENTENCE_MEASURE } from '../../src/analysis/alike-measure.ts';
import type { AlikeGroup } from '../../src/analysis/types.ts';

/** A few phrases repeated often (so their shingles cross MAX_POSTINGS) and a tail of rarer words. */
const COMMON = ['the minister said', 'return hubs in the balkans', 'a russian sphere of influence', 'the plan was', 'he said'];
const RARE = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo'.split(' ');

function textOf(random: () => number): string {
  const words: string[] = [];
  const length = 1 + Math.floor(random() * 4);
  for (let i = 0; i < length; i++) {
    if (random() < 0.5) words.push(COMMON[Math.floor(random() * COMMON.length)]!);
    else words.push(RARE[Math.floor(random() * RARE.length)]!);
  }
  return words.join(' ');
}

function fromScratch(kind: AlikeGroup['kind'], measure: Measure, items: AlikeItem[]): AlikeGroup[] {
  return new AlikeIndex(kind, measure).update(items);
}

describe('alike groups kept up to date', () => {
  const measures: [AlikeGroup['kind'], Measure][] = [
    ['passage', PASSAGE_MEASURE],
    ['sentence', SENTENCE_MEASURE],
    ['quotation', QUOTATION_MEASURE],
  ];
  for (const [kind, measure] of measures) {
    it(`equal the ${kind} groups from scratch after each of many adds, removes and rewordings`, () => {
      const random = prng(kind.length * 7919);
      let next = 0;
      const item = (): AlikeItem => ({ id: `t${next++}`, text: textOf(random) });
      let items = Array.from({ length: 3 * MAX_POSTINGS }, item);
      const index = new AlikeIndex(kind, measure);
      expect(index.update(items)).toEqual(fromScratch(kind, measure, items));
      let linked = 0;
      for (let step = 0; step < 40; step++) {
        items = [...items];
        const changes = 1 + Math.floor(random() * 6);
        for (let c = 0; c < changes; c++) {
          const at = Math.floor(random() * items.length);
          const roll = random();
          if (roll < 0.4) items.splice(at, 0, item());
          else if (roll < 0.55) items.push(...Array.from({ length: MAX_POSTINGS / 4 }, item));
          else if (roll < 0.85) items.splice(at, 1 + Math.floor(random() * 3));
          else items[at] = { id: items[at]!.id, text: textOf(random) };
        }
        const groups = index.update(items);
        expect(groups).toEqual(fromScratch(kind, measure, items));
        linked += groups.filter((group) => group.members.length > 1).length;
      }
      // The texts are alike often enough for the steps to join and split groups.
      expect(linked).toBeGreaterThan(40);
    });
  }

  it('regroups a text that stops being alike when its partner goes, and one that joins a group', () => {
    const index = new AlikeIndex('passage', PASSAGE_MEASURE);
    const a = { id: 'a:0', text: 'The advice privately warned that the proposals would mean creating sensitive national infrastructure.' };
    const b = {
      id: 'b:0',
      text: 'The advice privately warned that the proposals would mean creating sensitive national infrastructure abroad.',
    };
    const c = { id: 'c:0', text: 'Downing Street is understood to have set a target to announce return hub destinations by the autumn.' };
    const d = { id: 'd:0', text: 'Officials privately warned that the proposals would mean creating sensitive national infrastructure.' };
    expect(index.update([a, b, c]).map((group) => group.members)).toEqual([['a:0', 'b:0'], ['c:0']]);
    expect(index.update([a, c]).map((group) => group.members)).toEqual([['a:0'], ['c:0']]);
    expect(index.update([a, c, d]).map((group) => group.members)).toEqual([['a:0', 'd:0'], ['c:0']]);
    expect(index.update([a, b, c, d])).toEqual(fromScratch('passage', PASSAGE_MEASURE, [a, b, c, d]));
  });
});
