import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/model.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { answerLine } from '../../src/console/answer-line.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk({ corpusDir: SEED_CORPUS_DIR });
});

const answer = (line: string): Promise<Answer> => answerLine(desk, line);
const outlets = (result: Answer) => result.results.map((item) => item.outlet);
const highlighted = (result: Answer) =>
  result.results.flatMap((item) => item.highlights.map(([start, end]) => item.snippet.slice(start, end)));

describe('every answer', () => {
  it('cites each snippet with outlet, headline, link and passage, and keeps highlights inside the snippet', async () => {
    for (const line of [
      '/country Serbia',
      '/quote Osmani',
      '/ask who ruled out hosting a hub?',
      '/compare small boat crossings',
      '/outlet Sky News',
    ]) {
      const result = await answer(line);
      expect(result.status, line).toBe('ok');
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      for (const item of result.results) {
        expect(item.outlet && item.headline && item.url && item.passageId, line).toBeTruthy();
        expect(item.snippet.length).toBeGreaterThan(0);
        for (const [start, end] of item.highlights) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(item.snippet.length);
          expect(end).toBeGreaterThan(start);
        }
      }
    }
  });

  it('echoes the input and the validated options', async () => {
    const result = await answer('/quote who:  Osmani   about:talks');
    expect(result).toMatchObject({
      input: '/quote who:  Osmani   about:talks',
      command: 'quote',
      options: { who: 'Osmani', about: 'talks' },
    });
  });
});

describe('/country', () => {
  it("gives each mentioning outlet's best passage and names the outlets that do not mention the place", async () => {
    const result = await answer('/country Serbia');
    expect(new Set(outlets(result))).toEqual(
      new Set(['GB News', 'The Liberal News', 'Daily Express', 'The Times', 'The Sun', 'The Independent']),
    );
    expect(result.notes).toContain('Not mentioned by Forbes and Sky News.');
    for (const item of result.results) expect(item.highlights.length).toBeGreaterThan(0);
    expect(highlighted(result).every((words) => /serbia/i.test(words))).toBe(true);
  });

  it('resolves aliases, spellings and misspellings to the same place', async () => {
    const kosovo = outlets(await answer('/country Kosovo'));
    expect(kosovo).toHaveLength(8);
    expect(outlets(await answer('/country Kosova'))).toEqual(kosovo);
    const bosnia = outlets(await answer('/country Bosnia and Herzegovina'));
    expect(outlets(await answer('/country Bosnia-Herzegovina'))).toEqual(bosnia);
    expect(outlets(await answer('/country albnia'))).toEqual(outlets(await answer('/country Albania')));
  });

  it('says when it shows the closest match rather than the place typed', async () => {
    expect((await answer('/country Prussia')).message).toMatch(/^Closest match for "Prussia": Russia\. /);
    expect((await answer('/country serb')).message).toMatch(/^Serbia: /);
  });

  it('says so when no outlet mentions a place, and points a person to /quote', async () => {
    expect(await answer('/country France')).toMatchObject({ status: 'empty', results: [] });
    const person = await answer('/country Osmani');
    expect(person.status).toBe('empty');
    expect(person.message).toContain('/quote who:Vjosa Osmani');
  });
});

describe('/quote', () => {
  it("gives a person's direct quotations with the speaker as printed, and no one else's", async () => {
    const result = await answer('/quote Osmani');
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.every((item) => item.speaker === 'Vjosa Osmani')).toBe(true);
    expect(result.results.some((item) => item.snippet.includes("There's been no formal talks with the UK on this issue"))).toBe(true);
  });

  it('groups the same words carried by several outlets into one result', async () => {
    const result = await answer('/quote government source');
    const advice = result.results.filter((item) => item.snippet.includes('The advice we got was'));
    expect(advice).toHaveLength(1);
    expect(advice[0]!.alsoIn.map((other) => other.outlet).length).toBeGreaterThanOrEqual(1);
  });

  it("cuts a quotation's snippet to the sentences that hold it, so no one else's words stand beside it", async () => {
    const result = await answer('/quote Downing Street');
    expect(result.results).toHaveLength(1);
    expect(result.results[0]!.snippet).toMatch(/^Downing Street said they would be for people "who have exhausted all legal routes/);
    expect(result.results[0]!.snippet).not.toContain('The Tories say');
    const [start, end] = result.results[0]!.highlights[0]!;
    expect(result.results[0]!.snippet.slice(start, end)).toBe('who have exhausted all legal routes to remain in the UK');
  });

  it('narrows to a topic', async () => {
    const result = await answer('/quote who:Philp about:deterrent');
    expect(result.status).toBe('ok');
    expect(result.results.every((item) => /deterrent/i.test(item.snippet))).toBe(true);
  });

  it('says a known person has no direct quotations, and shows where they are mentioned', async () => {
    const result = await answer('/quote Putin');
    expect(result.status).toBe('empty');
    expect(result.message).toMatch(/^No direct quotations from Vladimir Putin/);
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.every((item) => item.speaker === undefined && item.label === 'Mentioned')).toBe(true);
  });

  it('finds a misspelt name, and says it shows the closest match', async () => {
    const misspelt = await answer('/quote Osmanni');
    expect(outlets(misspelt)).toEqual(outlets(await answer('/quote Osmani')));
    expect(misspelt.message).toMatch(/^Closest match for "Osmanni": Vjosa Osmani\. /);
  });

  it('resolves a name typed with its title or honorific', async () => {
    const plain = outlets(await answer('/quote Osmani'));
    for (const line of ['/quote Ms Osmani', '/quote Kosovan President', '/quote the president of Kosovo']) {
      const result = await answer(line);
      expect(outlets(result), line).toEqual(plain);
      expect(result.message, line).not.toMatch(/Closest match/);
    }
    expect((await answer('/quote Albanian prime minister')).results[0]?.speaker).toBe('Edi Rama');
  });

  it('keeps every outlet and every disagreement when one passage holds several quotations', async () => {
    const starmer = await answer('/quote Starmer');
    const cited = starmer.results.flatMap((item) => [item.outlet, ...item.alsoIn.map((other) => other.outlet)]);
    expect(cited).toEqual(expect.arrayContaining(['GB News', 'The Times', 'Sky News', 'Daily Express']));
    expect(starmer.notes.some((note) => note.includes('Daily Express: a minister'))).toBe(true);
    const philp = await answer('/quote Philp');
    expect(philp.results.flatMap((item) => [item.outlet, ...item.alsoIn.map((other) => other.outlet)])).toEqual(
      expect.arrayContaining(['The Sun', 'Sky News']),
    );
    expect(philp.notes.some((note) => note.includes('Sky News: Conservatives and Chris Philp'))).toBe(true);
  });
});

describe('/ask', () => {
  it('answers a plain question with the passage that says it first', async () => {
    const result = await answer('/ask who ruled out hosting a hub?');
    expect(result.results.length).toBeLessThanOrEqual(5);
    expect(result.results[0]!.snippet).toMatch(/Edi Rama/);
    expect(result.results[0]!.snippet).toMatch(/ruled out/);
  });

  it('returns nothing, not the least bad match, when the coverage does not answer', async () => {
    for (const line of ['/ask what does France say?', '/ask Rishi Sunak', '/ask what did the BBC report?']) {
      const result = await answer(line);
      expect(result, line).toMatchObject({ status: 'empty', results: [] });
      expect(result.message).toMatch(/^Nothing in the coverage answers that/);
    }
    expect((await answer('/ask Rishi Sunak')).message).toBe('Nothing in the coverage answers that (nothing mentions "Rishi", "Sunak").');
  });

  it('takes a name the coverage lacks as unanswered, even first in the question or near a real word', async () => {
    for (const line of ['/ask Sunak visited Serbia', '/ask Orban', '/ask AAP INDIA bloc']) {
      expect((await answer(line)).status, line).toBe('empty');
    }
  });

  it('answers a question put in general words, or a number written without its comma', async () => {
    expect((await answer('/ask what happened in 2022')).results[0]?.snippet).toMatch(/2022/);
    expect((await answer('/ask 22000')).results.some((item) => item.snippet.includes('22,000'))).toBe(true);
  });

  it('matches inflections and misspelt names', async () => {
    const crossing = await answer('/ask crossing the Channel');
    expect(crossing.results.some((item) => /\bcross(ed)?\b/i.test(item.snippet))).toBe(true);
    const misspelt = await answer('/ask what did Osmanni say about talks');
    expect(misspelt.results.some((item) => item.snippet.includes('Osmani'))).toBe(true);
  });

  it('ranks a passage that names a place as an entity above one that only shares a word', async () => {
    const result = await answer('/ask Serbian president');
    expect(result.results[0]!.snippet).toMatch(/Vucic|Vučić/);
  });

  it('rejects a question with no searchable words', async () => {
    expect((await answer('/ask what is it?')).status).toBe('invalid');
  });
});

describe('/compare', () => {
  it("sets outlets' differing figures side by side", async () => {
    const result = await answer('/compare small boat crossings');
    const arrivals = result.figures?.find((figure) => figure.values.some((value) => value.printed.includes('13,573')));
    expect(arrivals?.values.map((value) => [value.outlet, value.printed])).toEqual(
      expect.arrayContaining([
        ['The Sun', expect.stringContaining('13,573')],
        ['Sky News', expect.stringContaining('12,000')],
      ]),
    );
    expect(new Set(outlets(result)).size).toBe(result.results.length);
  });

  it('shows no figures that are off the topic', async () => {
    expect((await answer('/compare Kosovo talks')).figures).toEqual([]);
  });
});

describe('/outlet', () => {
  it("gives the outlet's lead and only passages no other outlet carries", async () => {
    const result = await answer('/outlet sky');
    expect(result.message).toMatch(/^Sky News: 1 article/);
    expect(result.results[0]).toMatchObject({ label: 'Lead', outlet: 'Sky News' });
    expect(result.results.every((item) => item.outlet === 'Sky News')).toBe(true);
    expect(result.results.filter((item) => item.label === 'Only in Sky News').every((item) => item.alsoIn.length === 0)).toBe(true);
  });

  it('asks which outlet when a name covers several (an aggregator site)', async () => {
    const result = await answer('/outlet daily8');
    expect(result.status).toBe('invalid');
    expect(result.message).toBe('"daily8" carries several outlets: The Times, The Sun, Forbes, Sky News and The Independent. Name one.');
  });

  it('is an honest empty listing the outlets when the name is not one of them, with the closest name when there is one', async () => {
    const result = await answer('/outlet The Guardian');
    expect(result.status).toBe('empty');
    expect(result.message).toContain('Sky News');
    const near = await answer('/outlet Sky Newz Channel');
    expect(near.status).toBe('empty');
    expect(near.message).toContain('The closest name in the coverage is Sky News.');
  });
});

describe('cut pages', () => {
  it('warns when a cited page lost its opening or has cuts inside', async () => {
    const result = await answer('/country Tirana');
    expect(outlets(result)).toContain('Daily Express');
    expect(result.notes).toContain(
      "Daily Express's page is incomplete (part of its text is lost): a passage from it may start or break off mid-sentence.",
    );
    expect((await answer('/country Montenegro')).notes.some((note) => note.includes('incomplete'))).toBe(false);
  });
});

describe('/sources and /help', () => {
  it('lists every article with its outlet, where it was read, link and date', async () => {
    const result = await answer('/sources');
    expect(outlets(result)).toEqual([
      'GB News',
      'The Liberal News',
      'Daily Express',
      'The Times',
      'The Sun',
      'Forbes',
      'Sky News',
      'The Independent',
    ]);
    expect(result.results.find((item) => item.outlet === 'GB News')).toMatchObject({
      publishedVia: 'The America One News',
      date: 'Jun 2, 2025',
    });
  });

  it('shows the usage of every command', async () => {
    const result = await answer('/help');
    for (const name of ['ask', 'country', 'quote', 'outlet', 'compare', 'sources']) {
      expect(result.notes.some((note) => note.startsWith(`/${name}`))).toBe(true);
    }
  });
});

describe('autocomplete', () => {
  it('completes a prefix, diacritics and case ignored', async () => {
    expect((await desk.complete('place', 'ser'))[0]).toEqual({ name: 'Serbia', value: 'Serbia' });
    expect((await desk.complete('speaker', 'vucic')).map((choice) => choice.name)).toContain('Aleksandar Vučić');
    expect((await desk.complete('outlet', 'sky'))[0]?.name).toBe('Sky News');
  });

  it('completes a name typed with an honorific, and lists each name once', async () => {
    expect((await desk.complete('speaker', 'ms os'))[0]?.name).toBe('Vjosa Osmani');
    const names = (await desk.complete('speaker', 'Vučić')).map((choice) => choice.name);
    expect(names.filter((name) => name === 'Aleksandar Vučić')).toHaveLength(1);
  });

  it('completes a misspelling', async () => {
    expect((await desk.complete('speaker', 'osmanni'))[0]?.name).toBe('Vjosa Osmani');
  });

  it('offers the best-known names, at most 25, for an empty field', async () => {
    const places = await desk.complete('place', '');
    expect(places.length).toBeGreaterThan(5);
    expect(places.length).toBeLessThanOrEqual(25);
    const top = places.slice(0, 10).map((choice) => choice.name);
    expect(top).toEqual(expect.arrayContaining(['Kosovo', 'Serbia', 'Albania']));
  });
});
