/**
 * Answers about people and places no gazetteer lists, through the real answer functions:
 * - the shipped pages with gazetteer.json removed: /country answers for every country the pages name,
 *   /quote for every quoted person;
 * - the shipped pages plus an article about new people, with the gazetteer untouched: /quote answers for
 *   the new people with their own words, and nobody else is credited with them.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/model.ts';
import { answerLine } from '../../src/console/answer-line.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { type TempCorpus, tempCorpus } from '../desk/support/temp-corpus.ts';

const quoted = (result: Answer) => result.results.flatMap((item) => item.highlights.map(([start, end]) => item.snippet.slice(start, end)));

describe('the shipped pages without a gazetteer', () => {
  let temp: TempCorpus;
  let desk: Desk;
  beforeAll(async () => {
    temp = tempCorpus();
    rmSync(path.join(temp.corpusDir, 'gazetteer.json'));
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: false });
  });
  afterAll(() => temp.remove());

  it('answers /country for every country the pages name', async () => {
    const countries = ['UK', 'Britain', 'Serbia', 'Kosovo', 'North Macedonia', 'Bosnia and Herzegovina', 'Albania', 'Montenegro'];
    for (const name of [...countries, 'Croatia', 'Moldova', 'Rwanda', 'Italy', 'Germany', 'Russia', 'Ukraine']) {
      const result = await answerLine(desk, `/country ${name}`);
      expect(result.status, `/country ${name}: ${result.message}`).toBe('ok');
      expect(result.message, name).not.toMatch(/not a place the bot knows/u);
      expect(result.results.length, name).toBeGreaterThan(0);
    }
    const serbia = await answerLine(desk, '/country Serbia');
    expect(new Set(serbia.results.map((item) => item.outlet))).toEqual(
      new Set(['GB News', 'The Liberal News', 'Daily Express', 'The Times', 'The Sun', 'The Independent']),
    );
  });

  it('answers /quote for every quoted person, with their own words', async () => {
    const expected: [string, string][] = [
      ['Osmani', 'There’s been no formal talks'],
      ['Vjosa Osmani', 'steadfast ally'],
      ['Starmer', 'number of discussions'],
      ['Philp', 'humiliating'],
      ['Rama', 'one-off'],
    ];
    for (const [who, words] of expected) {
      const result = await answerLine(desk, `/quote ${who}`);
      expect(result.status, `/quote ${who}: ${result.message}`).toBe('ok');
      expect(quoted(result).join(' | ').replace(/[’']/gu, "'"), who).toContain(words.replace(/[’']/gu, "'"));
    }
  });
});

/** An article about people no gazetteer or shipped page names (written for this test). */
const NEW_PEOPLE_PAGE = {
  file: 'zz_danube-courier.txt',
  text: [
    "Serbia's interior minister, Milan Radosavljević, said on Thursday that Belgrade had received no request from London to host a return hub.",
    '"Nobody has asked us, and nobody should assume that we would say yes," Radosavljević said.',
    'Mr Radosavljević added that any proposal would go before parliament first.',
    'Jelena Marković, an opposition MP, said the government was hiding its talks. "The public deserves to see every letter," she told the Danube Courier.',
    'The prime minister told reporters he would not comment.',
  ].join('\n\n'),
  entry: {
    kind: 'article',
    site: 'danube-courier.example',
    siteName: 'Danube Courier',
    url: 'https://danube-courier.example/serbia-hub-request',
    outlet: 'Danube Courier',
    headline: 'Serbia says it was never asked to host a hub',
    date: 'Jun 4, 2025',
  },
};

describe('an article about new people, added with no gazetteer edit', () => {
  let temp: TempCorpus;
  let desk: Desk;
  beforeAll(async () => {
    temp = tempCorpus();
    temp.addPage(NEW_PEOPLE_PAGE.file, NEW_PEOPLE_PAGE.text, NEW_PEOPLE_PAGE.entry);
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: false });
  });
  afterAll(() => temp.remove());

  it('answers /quote for each new person with their own words', async () => {
    for (const who of ['Radosavljević', 'Radosavljevic', 'Milan Radosavljević', 'Mr Radosavljević']) {
      const result = await answerLine(desk, `/quote ${who}`);
      expect(result.status, `/quote ${who}: ${result.message}`).toBe('ok');
      expect(quoted(result)).toEqual(['Nobody has asked us, and nobody should assume that we would say yes,']);
      expect(result.results.map((item) => item.speaker)).toEqual(['Milan Radosavljević']);
    }
    const markovic = await answerLine(desk, '/quote Jelena Marković');
    expect(markovic.status, markovic.message).toBe('ok');
    expect(quoted(markovic)).toEqual(['The public deserves to see every letter,']);
  });

  it('credits nobody else with their words', async () => {
    for (const who of ['Starmer', 'Osmani', 'Rama', 'Philp', 'Vucic']) {
      const result = await answerLine(desk, `/quote ${who}`);
      expect(
        result.results.filter((item) => item.outlet === 'Danube Courier').map((item) => item.snippet),
        who,
      ).toEqual([]);
    }
  });
});
