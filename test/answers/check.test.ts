import { beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_CHECKABLE } from '../../src/answers/check.ts';
import type { Answer } from '../../src/answers/model.ts';
import { alignWords } from '../../src/answers/word-diff.ts';
import { answerLine } from '../../src/console/answer-line.ts';
import { renderAnswer } from '../../src/console/render.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false });
});

const check = (text: string): Promise<Answer> => desk.answer({ command: 'check', options: { text } });
const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end));

describe('alignWords', () => {
  it('finds a repeat word for word inside a longer quotation, ignoring case, accents and quote marks', () => {
    const alignment = alignWords('We would be OPEN to discussing it', 'We would be open to discussing it, however I can’t say more');
    expect(alignment?.exact).toBe(true);
    expect(alignment?.repeatedDiffers).toEqual([]);
  });

  it('marks the words that differ on both sides of an altered repeat', () => {
    const repeated = 'there have been no talks with Britain on this issue';
    const printed = "There's been no formal talks with the UK on this issue";
    const alignment = alignWords(repeated, printed)!;
    expect(alignment.exact).toBe(false);
    expect(marked(repeated, alignment.repeatedDiffers)).toEqual(['have', 'Britain']);
    expect(marked(printed, alignment.printedDiffers)).toEqual(['formal', 'the', 'UK']);
  });

  it('shares nothing with unrelated words', () => {
    expect(alignWords('free ice cream', 'no formal talks')).toBeUndefined();
  });
});

describe('/check', () => {
  it('gives quoted words to the speaker each outlet names, and says when the message names someone else', async () => {
    const answer = await check('Chris Philp called the plan "a really important innovation" yesterday');
    expect(answer.status).toBe('ok');
    const speakers = new Set(answer.results.map((result) => result.speaker));
    expect(speakers.has('Keir Starmer')).toBe(true);
    expect(speakers.has('Chris Philp')).toBe(false);
    expect(answer.notes.join('\n')).toContain('The message gives these words to Chris Philp');
    for (const result of answer.results) expect(result.snippet.toLowerCase()).toContain('really important innovation');
  });

  it('says no outlet prints quoted words that no one printed', async () => {
    const answer = await check('She said "we will build ten hubs by Christmas" on the radio');
    expect(answer.status).toBe('empty');
    expect(answer.notes[0]).toBe('“we will build ten hubs by Christmas”: no outlet prints these words as a quotation.');
  });

  it("sets a message's figure beside each outlet's own figure for the same thing, citing where it is printed", async () => {
    const answer = await check('Over 20,000 people crossed the Channel in small boats so far this year');
    const comparison = answer.figures?.[0];
    expect(comparison?.counts).toContain('the message says Over 20,000');
    for (const value of comparison?.values ?? []) {
      const cited = answer.results.find((result) => result.passageId === value.passageId);
      expect(cited?.outlet).toBe(value.outlet);
      expect(cited?.snippet).toContain(value.printed);
    }
    expect(comparison?.values.map((value) => value.outlet).sort()).toEqual(['Sky News', 'The Sun']);
  });

  it('checks a claim about a person against what the coverage reports them saying or doing', async () => {
    const answer = await check('Apparently Edi Rama agreed to take migrants from Britain');
    expect(answer.status).toBe('ok');
    const aboutRama = answer.results.filter((result) => result.label?.startsWith('Edi Rama'));
    expect(aboutRama.length).toBeGreaterThan(0);
    for (const result of aboutRama) expect(result.snippet).toMatch(/Rama|Albanian prime minister|its Prime Minister/u);
    expect(aboutRama.some((result) => result.label === 'Edi Rama: reports a refusal or denial')).toBe(true);
  });

  it('is honest about a message with nothing to check', async () => {
    const answer = await check('haha ok, talk later');
    expect(answer.status).toBe('empty');
    expect(answer.results).toEqual([]);
    expect(answer.message).toBe(NOTHING_CHECKABLE);
  });

  it('the console takes /check with free text, colons included, and marks an altered quotation', async () => {
    const answer = await answerLine(desk, '/check Osmani told reporters: "there have been no talks with Britain on this issue"');
    expect(answer.status).toBe('ok');
    const altered = answer.results.find((result) => result.asQuoted !== undefined)!;
    expect(marked(altered.asQuoted!.text, altered.asQuoted!.highlights)).toEqual(['have', 'Britain']);
    const text = renderAnswer(answer, { color: false });
    expect(text).toContain('The message has: "there *have* been no talks with *Britain* on this issue"');
  });
});
