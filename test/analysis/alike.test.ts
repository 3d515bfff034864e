/**
 * What several outlets carry alike: the similarity measure on wording taken from the pages, the
 * grouping, the disagreements it exposes, and the groups on the real corpus.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { disagreements, groupPassages, groupQuotations, passageSimilarity, quotationSimilarity } from '../../src/analysis/alike.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { analyze } from '../../src/analysis/index.ts';
import type { Analysis, Quotation } from '../../src/analysis/types.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const gbNews =
  'The advice privately warned that the proposals would mean creating sensitive national infrastructure and facilities in "a Russian sphere of influence" that could be infiltrated and targeted by agents working on behalf of the Kremlin, The Times has revealed.';
const times =
  "The advice privately warned that the proposals would mean creating sensitive national infrastructure and facilities in 'a Russian sphere of influence' that could be infiltrated and targeted by agents working on behalf of the Kremlin.";
const express =
  'Security sources have strongly advised the Government British infrastructure placed in the region which is under a "Russian sphere of influence" could be infiltrated and targeted by Kremlin agents.';
const otherStatement =
  'Downing Street is understood to have set a target to announce return hub destinations by the time Britain hosts a meeting of western Balkan leaders in London in the autumn.';

describe('similarity', () => {
  it('survives other quote marks and a reworded ending', () => {
    expect(passageSimilarity(gbNews, times)).toBeGreaterThanOrEqual(0.9);
  });

  it('scores different statements near zero', () => {
    expect(passageSimilarity(gbNews, otherStatement)).toBeLessThan(0.1);
    expect(
      quotationSimilarity(
        "The advice we got was you'd be sending people into a Russian sphere of interest.",
        'They cited critical UK national infrastructure, facilities and systems.',
      ),
    ).toBe(0);
  });

  it('keeps a rewrite below the passage threshold rather than guess', () => {
    expect(passageSimilarity(gbNews, express)).toBeLessThan(0.5);
  });

  it('survives an inserted "[English]" and curly marks in quotations', () => {
    const sky =
      'vast majority who illegally cross the [English] Channel have their asylum claims accepted, so would never be removed under the return hubs plan';
    const plain =
      'The vast majority who illegally cross the channel have their asylum claims accepted, so would never be removed under the return hubs plan.';
    expect(quotationSimilarity(sky, plain)).toBe(1);
    expect(quotationSimilarity('‘a really important innovation’', 'really important innovation')).toBe(1);
  });

  it('needs short quotations word for word, and single words equal', () => {
    expect(quotationSimilarity('open', 'We would be open to discussing it')).toBe(0);
    expect(quotationSimilarity('open', 'open')).toBe(1);
    expect(quotationSimilarity('a number of countries', "I've had a number of discussions with all sorts of leaders")).toBe(0);
    expect(
      quotationSimilarity(
        'British real estate',
        "You'd be planting a prime bit of British interest, British real estate, right into an area",
      ),
    ).toBe(1);
  });
});

function passage(id: string, text: string): Passage {
  return { id, articleId: id.split(':')[0]!, index: Number(id.split(':')[1]), text, start: 0, end: text.length, paragraph: 0 };
}

function quotation(id: string, outlet: string, text: string, speaker: string): Quotation {
  const passageId = id.replace(/:q\d+$/u, '');
  return {
    id,
    passageId,
    articleId: passageId.split(':')[0]!,
    outlet,
    text,
    start: 0,
    end: text.length,
    speakerAsPrinted: speaker,
    speaker,
    speakerName: speaker,
    speakerKind: 'named',
    groupId: id,
  };
}

describe('grouping', () => {
  it('groups republished passages and never joins two statements through a passage that holds both', () => {
    const both = `${times} ${otherStatement}`;
    const corpus: Corpus = {
      hash: 'test',
      articles: [],
      passages: [passage('gb-news:0', gbNews), passage('gb-news:1', otherStatement), passage('the-times:0', both)],
    };
    const groups = groupPassages(corpus);
    expect(groups).toHaveLength(2);
    expect(groups.every((group) => !(group.members.includes('gb-news:0') && group.members.includes('gb-news:1')))).toBe(true);
    expect(groups.find((group) => group.members.includes('the-times:0'))!.members).toHaveLength(2);
  });

  it('links each quotation to its group, first occurrence first, and lists outlets that disagree on the speaker', () => {
    const quotations = [
      quotation('gb-news:4:q1', 'GB News', 'a really important innovation', 'keir-starmer'),
      quotation('daily-express:2:q0', 'Daily Express', 'really important innovation', 'a minister'),
      quotation('sky-news:2:q0', 'Sky News', 'really important innovation', 'keir-starmer'),
      quotation('sky-news:5:q0', 'Sky News', 'steadfast ally', 'vjosa-osmani'),
    ];
    const groups = groupQuotations(quotations);
    expect(groups.map((group) => group.members)).toEqual([['gb-news:4:q1', 'daily-express:2:q0', 'sky-news:2:q0'], ['sky-news:5:q0']]);
    expect(new Set(quotations.slice(0, 3).map((q) => q.groupId)).size).toBe(1);
    expect(quotations[3]!.groupId).toBe(groups[1]!.id);
    const found = disagreements({ groups, quotations });
    expect(found).toHaveLength(1);
    expect(found[0]!.attributions.map((attribution) => [attribution.outlet, attribution.speaker])).toEqual([
      ['GB News', 'keir-starmer'],
      ['Daily Express', 'a minister'],
      ['Sky News', 'keir-starmer'],
    ]);
  });
});

describe('on the real corpus', () => {
  let analysis: Analysis;
  const groupWith = (id: string) => analysis.groups.find((group) => group.members.includes(id))!;
  const outletsOf = (id: string) =>
    new Set(groupWith(id).members.map((member) => analysis.quotations.find((q) => q.id === member)?.outlet));
  const quoted = (outlet: string, start: string) => analysis.quotations.find((q) => q.outlet === outlet && q.text.startsWith(start))!;

  beforeAll(async () => {
    analysis = analyze(await loadCorpus(SEED_CORPUS_DIR), loadGazetteer(SEED_GAZETTEER_FILE));
  });

  it('puts every passage and quotation in exactly one group', async () => {
    const corpus = await loadCorpus(SEED_CORPUS_DIR);
    const members = analysis.groups.filter((group) => group.kind !== 'sentence').flatMap((group) => group.members);
    expect(new Set(members).size).toBe(members.length);
    expect(members.length).toBe(corpus.passages.length + analysis.quotations.length);
    for (const q of analysis.quotations) expect(groupWith(q.id).id).toBe(q.groupId);
  });

  it("groups the source's words that GB News, The Times and the Daily Express all carry", () => {
    expect(outletsOf(quoted('GB News', 'The advice we got').id)).toEqual(new Set(['GB News', 'The Times', 'Daily Express']));
  });

  it('groups Chris Philp in The Sun with the same words in Sky News', () => {
    expect(outletsOf(quoted('The Sun', 'The asylum claims').id)).toContain('Sky News');
  });

  it('shows that outlets disagree on who called the hubs "a really important innovation"', () => {
    const group = groupWith(quoted('GB News', 'a really important innovation').id);
    const found = disagreements(analysis).find((disagreement) => disagreement.groupId === group.id);
    expect(found?.attributions.map((attribution) => [attribution.outlet, attribution.speaker])).toEqual([
      ['GB News', 'keir-starmer'],
      ['Daily Express', 'a minister'],
      ['The Times', 'keir-starmer'],
      ['Sky News', 'keir-starmer'],
    ]);
  });

  it('never groups two quotations that share no words', () => {
    for (const group of analysis.groups.filter((candidate) => candidate.kind === 'quotation')) {
      const texts = group.members.map((member) => analysis.quotations.find((q) => q.id === member)!.text);
      const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
      for (const text of texts) expect(quotationSimilarity(text, longest)).toBeGreaterThan(0);
    }
  });

  it('groups a sentence two outlets share, though the rest of their passages differ', () => {
    // GB News prints Separate security sources... on its own; The Times after a sentence on Moldova.
    const group = groupWith('gb-news:8:s0');
    expect(group.kind).toBe('sentence');
    expect(group.members).toContain('the-times:3:s1');
    expect(group.members).not.toContain('the-times:3:s0');
  });

  it('groups The Times passages that GB News republished', () => {
    const group = groupWith('gb-news:14');
    expect(group.members.some((member) => member.startsWith('the-times:'))).toBe(true);
  });
});
