/**
 * Quotation finding and attribution on sentences built from the corpus pages, with a small
 * resolver standing in for the gazetteer (attribution takes any name resolver).
 */
import { describe, expect, it } from 'vitest';
import { findQuotations, findQuoteSegments } from '../../src/analysis/quotations.ts';
import { nameFinderFromResolver } from '../../src/analysis/speakers.ts';
import type { Entity } from '../../src/analysis/types.ts';
import type { Article, Corpus, Passage } from '../../src/corpus/types.ts';
import { fold } from '../../src/text/fold.ts';

const person = (id: string, name: string, gender: 'he' | 'she', aliases: string[], titles: string[] = []): Entity => ({
  id,
  kind: 'person',
  name,
  aliases: [name, ...aliases],
  gender,
  titles,
});
const organisation = (id: string, name: string, aliases: string[]): Entity => ({
  id,
  kind: 'organisation',
  name,
  aliases: [name, ...aliases],
});

const starmer = person('keir-starmer', 'Keir Starmer', 'he', ['Sir Keir', 'Starmer'], ['prime minister']);
const rama = person('edi-rama', 'Edi Rama', 'he', ['Rama']);
const osmani = person('vjosa-osmani', 'Vjosa Osmani', 'she', ['Osmani', 'Ms Osmani']);
const philp = person('chris-philp', 'Chris Philp', 'he', ['Philp'], ['shadow home secretary']);
const tories = organisation('conservatives', 'Conservatives', ['Tories', 'the Tories']);
const downingStreet = organisation('downing-street', 'Downing Street', []);
const foreignOffice = organisation('foreign-office', 'Foreign Office', ['the Foreign Office']);
const kosovo: Entity = { id: 'kosovo', kind: 'place', name: 'Kosovo', aliases: ['Kosovo'] };

/** Whole-phrase resolution, as a gazetteer does it: names, and titles read with their qualifier. */
const forms = new Map<string, Entity>();
for (const entity of [starmer, rama, osmani, philp, tories, downingStreet, foreignOffice, kosovo]) {
  for (const alias of entity.aliases) forms.set(fold(alias), entity);
}
forms.set('the prime minister', starmer);
forms.set('the albanian prime minister', rama);
forms.set('the president of kosovo', osmani);
forms.set('shadow home secretary chris philp', philp);
forms.set('kosovan president vjosa osmani', osmani);
const resolve = (phrase: string) => forms.get(fold(phrase));
const names = nameFinderFromResolver(resolve);

/** A corpus of one-outlet articles; each paragraph is one passage unless split with '|'. */
function corpusOf(articles: Record<string, string[]>): Corpus {
  const list: Article[] = [];
  const passages: Passage[] = [];
  for (const [outlet, paragraphs] of Object.entries(articles)) {
    const id = outlet.toLowerCase().replace(/\s+/gu, '-');
    list.push({
      id,
      outlet,
      site: 'example.com',
      url: `https://example.com/${id}`,
      headline: `${outlet} headline`,
      date: null,
      file: 'x.txt',
      itemIndex: 0,
      furnitureChars: 0,
      truncated: false,
    });
    paragraphs.forEach((paragraph, p) => {
      for (const text of paragraph.split(' | ')) {
        passages.push({
          id: `${id}:${passages.filter((x) => x.articleId === id).length}`,
          articleId: id,
          index: passages.filter((x) => x.articleId === id).length,
          text,
          start: 0,
          end: text.length,
          paragraph: p,
        });
      }
    });
  }
  return { hash: 'test', articles: list, passages };
}

function quotesOf(articles: Record<string, string[]>) {
  return findQuotations(corpusOf(articles), names);
}

describe('quote marks', () => {
  const texts = (text: string) => findQuoteSegments(text).map((segment) => text.slice(segment.start, segment.end));

  it('reads straight and curly double quotes', () => {
    expect(texts('He said: "We would be open." Then “a steadfast ally” followed.')).toEqual(['We would be open.', 'a steadfast ally']);
  });

  it('tells apostrophes from single quote marks', () => {
    expect(texts("The advice we got was you'd be sending people into Britain's sphere.")).toEqual([]);
    expect(texts("While Kosovo 's president expressed openness, the Tories' plan stalled.")).toEqual([]);
    expect(texts("Kosovo is ‘open' to becoming a 'return hub' for Britain's failed asylum seekers.")).toEqual(['open', 'return hub']);
  });

  it('keeps a plural possessive inside a single-quoted quotation', () => {
    const text = "He said: 'There is a question about these countries' law and order to handle those threats.' They agreed.";
    expect(texts(text)).toEqual(["There is a question about these countries' law and order to handle those threats."]);
  });

  it('closes a quoted term that ends in s before a lower-case word', () => {
    expect(texts("plans to deport migrants to 'return hubs' in the western Balkans despite 'a Russian sphere'")).toEqual([
      'return hubs',
      'a Russian sphere',
    ]);
  });

  it("splits the Times' run-together style where each sentence reopens the quote", () => {
    const text =
      "A source said: 'The advice we got was clear. 'They cited critical infrastructure. 'You'd be planting British interest.' MI6 is said to be concerned.";
    const segments = findQuoteSegments(text);
    expect(segments.map((segment) => text.slice(segment.start, segment.end))).toEqual([
      'The advice we got was clear.',
      'They cited critical infrastructure.',
      "You'd be planting British interest.",
    ]);
    expect(segments.map((segment) => segment.continues)).toEqual([false, true, true]);
  });

  it('continues a quotation into the next paragraph that reopens it', () => {
    const text =
      'They added: "The security view was that was not sensible.\n\n"Putting a site next to a hostile state was not deemed sensible."';
    const segments = findQuoteSegments(text);
    expect(segments.map((segment) => segment.continues)).toEqual([false, true]);
    expect(text.slice(segments[1]!.start, segments[1]!.end)).toBe('Putting a site next to a hostile state was not deemed sensible.');
  });
});

describe('attribution', () => {
  const only = (articles: Record<string, string[]>) => quotesOf(articles).quotations;

  it('names the speaker before a colon, after the quotation, or after "told"', () => {
    const [colon] = only({ 'Sky News': ['Vjosa Osmani said: "There\'s been no formal talks with the UK on this issue."'] });
    expect(colon).toMatchObject({
      speaker: 'vjosa-osmani',
      speakerName: 'Vjosa Osmani',
      speakerAsPrinted: 'Vjosa Osmani',
      speakerKind: 'named',
    });
    const [after] = only({ 'Sky News': ['"Return hubs will not work as a deterrent," said Chris Philp.'] });
    expect(after).toMatchObject({ speaker: 'chris-philp', speakerKind: 'named' });
    const [told] = only({ 'Sky News': ['Ms Osmani told Sky News: "We would be open to discussing it."'] });
    expect(told).toMatchObject({ speaker: 'vjosa-osmani', speakerAsPrinted: 'Ms Osmani' });
  });

  it("resolves a title, and a title qualified by a country to that country's holder", () => {
    const quotations = only({
      'Sky News': [
        'The prime minister described the hubs as a "really important innovation" that complements other measures.',
        'He was left red-faced after the Albanian prime minister publicly slapped down the idea, saying their agreement with Italy was a "one-off" deal.',
      ],
    });
    expect(quotations.map((quotation) => [quotation.text, quotation.speaker, quotation.speakerKind])).toEqual([
      ['really important innovation', 'keir-starmer', 'title'],
      ['one-off', 'edi-rama', 'title'],
    ]);
  });

  it('resolves a pronoun to the nearest earlier speaker of its gender', () => {
    const quotations = only({
      'The Sun': [
        "PM Sir Keir Starmer was snubbed. Shadow Home Secretary Chris Philp said Albania's dismissal of return hubs was 'humiliating' for the PM. He said the idea would not act as a deterrent. He said: 'The asylum claims of a vast majority are accepted.'",
        'Kosovan President Vjosa Osmani was asked. She said: "We would be open to discussing it."',
      ],
    });
    expect(quotations.map((quotation) => [quotation.text, quotation.speaker, quotation.speakerAsPrinted])).toEqual([
      ['humiliating', 'chris-philp', 'Shadow Home Secretary Chris Philp'],
      ['The asylum claims of a vast majority are accepted.', 'chris-philp', 'He'],
      ['We would be open to discussing it.', 'vjosa-osmani', 'She'],
    ]);
  });

  it('keeps an anonymous source as printed and resolves "the source" and "they" to it', () => {
    const quotations = only({
      'GB News': [
        'A Government source who was briefed by security officials warning against the Balkans region told The Times: "The advice we got was you\'d be sending people into a Russian sphere of interest."',
        '"They cited critical UK national infrastructure," the source continued. "You\'d be planting a prime bit of British interest."',
        'Under the Conservative government a similar scheme was blocked after concerns were raised from intelligence sources.',
        'They added: "The security view was that was not sensible or viable."',
      ],
    });
    expect(quotations.map((quotation) => [quotation.speaker, quotation.speakerKind])).toEqual([
      ['a government source', 'source'],
      ['a government source', 'continuation'],
      ['a government source', 'continuation'],
      ['a government source', 'pronoun'],
    ]);
    expect(quotations[0]!.speakerAsPrinted).toBe(
      'A Government source who was briefed by security officials warning against the Balkans region',
    );
    expect(quotations[0]!.speakerName).toBe('a government source');
  });

  it('takes "the source" to be the nearest source named before it, not the first', () => {
    const quotations = only({
      'The Times': [
        "A government source said: 'The advice was clear.' MI6 is said to be concerned, according to a security source who pointed out that they are former Yugoslav states. 'Serbia is the worst,' the source said. 'This is the former Yugoslavia.'",
      ],
    });
    expect(quotations.map((quotation) => quotation.speaker)).toEqual(['a government source', 'a security source', 'a security source']);
  });

  it('keeps institutions and ministers as printed', () => {
    const quotations = only({
      'Sky News': [
        'The Tories say that return hubs will "not work as a deterrent". Downing Street said they would be for people "who have exhausted all legal routes to remain in the UK".',
        'The Foreign Office said it would not provide a "running commentary" on the plans.',
        'A minister told the Times creating the hubs was a "really important innovation".',
      ],
    });
    expect(quotations.map((quotation) => [quotation.speaker, quotation.speakerKind])).toEqual([
      ['conservatives', 'institution'],
      ['downing-street', 'institution'],
      ['foreign-office', 'institution'],
      ['a minister', 'source'],
    ]);
  });

  it('says "unattributed" rather than guess', () => {
    const quotations = only({
      Paper: ['"We will decide in the autumn, and not before." The plan was shelved.', 'He said: "Nothing has been agreed."'],
    });
    expect(quotations.map((quotation) => [quotation.speaker, quotation.speakerKind])).toEqual([
      [null, 'unattributed'],
      [null, 'unattributed'],
    ]);
    expect(quotations[1]!.speakerAsPrinted).toBe('He');
  });
});

describe('scare quotes', () => {
  it('are phrases, not quotations, when nobody speaks them', () => {
    const { quotations, phrases } = quotesOf({
      Forbes: [
        "Starmer is considering a so-called migration 'return hub' scheme. While there, he praised Italy's controversial 'offshoring' arrangement with Albania.",
        "Despite their efforts to 'crack down' on irregular migration, Labour is presenting a 'tough' stance. Such schemes are also argued to have a 'deterrence' effect.",
        'Sir Keir Starmer has been warned his migrant "returns hubs" could be hijacked. The advice privately warned of "a Russian sphere of influence" in the region.',
      ],
    });
    expect(quotations).toEqual([]);
    expect(phrases.map((phrase) => phrase.text)).toEqual([
      'return hub',
      'offshoring',
      'crack down',
      'tough',
      'deterrence',
      'returns hubs',
      'a Russian sphere of influence',
    ]);
  });

  it("are phrases when the outlet uses the words as its own term, even in a speaker's sentence", () => {
    const { quotations, phrases } = quotesOf({
      Express: [
        'Earlier this month the Prime Minister said he was speaking to several countries about "return hubs" for failed asylum seekers. Talks on return hubs go on.',
      ],
    });
    expect(quotations).toEqual([]);
    expect(phrases).toMatchObject([{ text: 'return hubs', reason: 'term' }]);
  });

  it('are quotations, with their speaker, when the sentence attributes them', () => {
    const { quotations } = quotesOf({
      'GB News': ['Kosovan President Vjosa Osmani said her country would be "open" to talks over a potential deal.'],
      'Sky News': ['Ms Osmani called the UK a "steadfast ally".'],
    });
    expect(quotations.map((quotation) => [quotation.text, quotation.speaker])).toEqual([
      ['open', 'vjosa-osmani'],
      ['steadfast ally', 'vjosa-osmani'],
    ]);
  });
});

describe('quotations over passages', () => {
  it('gives each passage the piece it holds, with offsets inside that passage and the speaker of the whole', () => {
    const corpus = corpusOf({
      'Sky News': [
        'Vjosa Osmani said: "There\'s been no formal talks with the UK. | It hasn\'t been raised so far." Ms Osmani called the UK an ally.',
      ],
    });
    const { quotations } = findQuotations(corpus, names);
    expect(quotations.map((quotation) => [quotation.passageId, quotation.text, quotation.speaker, quotation.speakerKind])).toEqual([
      ['sky-news:0', "There's been no formal talks with the UK.", 'vjosa-osmani', 'named'],
      ['sky-news:1', "It hasn't been raised so far.", 'vjosa-osmani', 'continuation'],
    ]);
    for (const quotation of quotations) {
      const passage = corpus.passages.find((candidate) => candidate.id === quotation.passageId)!;
      expect(passage.text.slice(quotation.start, quotation.end)).toBe(quotation.text);
    }
    expect(quotations.map((quotation) => quotation.id)).toEqual(['sky-news:0:q0', 'sky-news:1:q0']);
  });
});
