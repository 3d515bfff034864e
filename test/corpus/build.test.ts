/** buildCorpus on new pages from the same kinds of sites: the cleaning rules are general, not fitted to the seeds. */
import { describe, expect, it } from 'vitest';
import { CorpusError, buildCorpus } from '../../src/corpus/index.ts';

const articleEntry = (file: string, extra: Record<string, unknown> = {}) => ({
  file,
  kind: 'article',
  site: 'am1.news',
  siteName: 'The America One News',
  url: `https://am1.news/story/${file}`,
  outlet: 'GB News',
  headline: 'Minister resigns over visa row',
  date: 'Jul 9, 2025',
  ...extra,
});

const texts = (corpus: ReturnType<typeof buildCorpus>, id: string): string[] =>
  corpus.passages.filter((p) => p.articleId === id).map((p) => p.text);

describe('cleaning a new page from a reader site', () => {
  const page = [
    'THE AMERICA ONE NEWS',
    'Jul 9, 2025 \u00a0|\u00a0 ',
    '14',
    '\u00a0| Austin,TX',
    'Sponsor:\u00a0 ACME\u00a0 Try our new widgets today.',
    'back\u00a0\u00a0',
    'topic',
    '',
    'NextImg:Minister resigns over visa row',
    '',
    'The minister resigned on Tuesday after a row over visas.',
    '',
    'Rishi Sunak',
    '',
    'Rishi Sunak',
    '',
    'PA Wire',
    '',
    'Reuters reported that the talks had stalled, and an aide told AFP the minister was "tired".',
    '',
    'The talks ended. 2 The delegates left. 1:30 Officials said more. Crowds gathered at 1:30 pm on Friday. A protester at the gates JOHN SMITH/PA WIRE The police arrived. READ MORE: Another story about something else 3',
    '',
    'You may also like',
    'Footballer signs record deal',
    'Weather warning issued for weekend',
    'DOWNLOAD THE APP',
    'Ready for more news? Download our app today from your app store.',
  ].join('\n');
  const corpus = buildCorpus({ pages: [articleEntry('a.txt')] }, { 'a.txt': page });

  it('keeps exactly the article sentences', () => {
    expect(texts(corpus, 'gb-news').join(' ')).toBe(
      'The minister resigned on Tuesday after a row over visas. ' +
        'Reuters reported that the talks had stalled, and an aide told AFP the minister was "tired". ' +
        'The talks ended. The delegates left. Officials said more. Crowds gathered at 1:30 pm on Friday. The police arrived.',
    );
  });

  it('counts what it removed', () => {
    expect(corpus.articles[0]?.furnitureChars).toBeGreaterThan(250);
  });
});

describe('splitting an aggregator page', () => {
  const item = (headline: string, outlet: string, stamp: string, body: string): string =>
    [headline, headline, '', outlet, '', stamp, '', '  • World', `  • ${outlet}`, '', headline, '', body, ''].join('\n');
  const page = [
    'logo',
    '#',
    '',
    'Latest news with #Serbia',
    '',
    item('Serbia holds snap election', 'BBC', 'time3 hours ago', 'Serbia will vote in June. The president called the poll on Monday.'),
    item('Opposition cries foul in Serbia', 'BBC', 'time1 day ago', "Opposition parties said the vote was 'rigged'. They will protest."),
    item('Belgrade braces for protests', 'Guardian', 'time2 days ago', 'Police were deployed in Belgrade. Shops closed early.'),
    'DOWNLOAD THE APP',
    '',
    'Get Started Now: Download the App',
  ].join('\n');
  const entry = {
    file: 'agg.txt',
    kind: 'aggregator',
    site: 'daily8.com',
    siteName: 'daily8',
    url: 'https://www.daily8.com/en/hashtag/Serbia',
    outletNames: { BBC: 'BBC News', Guardian: 'The Guardian' },
  };

  it('finds one article per item, with outlet, headline and relative date; two from one outlet get distinct ids', () => {
    const corpus = buildCorpus({ pages: [entry] }, { 'agg.txt': page });
    expect(corpus.articles.map((a) => [a.id, a.outlet, a.headline, a.date, a.itemIndex, a.publishedVia])).toEqual([
      ['bbc-news', 'BBC News', 'Serbia holds snap election', '3 hours ago', 0, 'daily8'],
      ['bbc-news-2', 'BBC News', 'Opposition cries foul in Serbia', '1 day ago', 1, 'daily8'],
      ['the-guardian', 'The Guardian', 'Belgrade braces for protests', '2 days ago', 2, 'daily8'],
    ]);
    expect(texts(corpus, 'the-guardian')).toEqual(['Police were deployed in Belgrade. Shops closed early.']);
    expect(corpus.passages.map((p) => p.text).join(' ')).not.toMatch(/ago|•|Download|Latest news|BBC|Guardian/);
  });

  it('lets the manifest correct an item, by position', () => {
    const items = [{ id: 'bbc-election' }, { headline: 'Opposition cries foul', date: null }, { outlet: 'Guardian US' }];
    const corpus = buildCorpus({ pages: [{ ...entry, items }] }, { 'agg.txt': page });
    expect(corpus.articles.map((a) => [a.id, a.outlet, a.headline, a.date])).toEqual([
      ['bbc-election', 'BBC News', 'Serbia holds snap election', '3 hours ago'],
      ['bbc-news', 'BBC News', 'Opposition cries foul', null],
      ['guardian-us', 'Guardian US', 'Belgrade braces for protests', '2 days ago'],
    ]);
  });

  it('refuses a page with no recognisable items', () => {
    expect(() => buildCorpus({ pages: [entry] }, { 'agg.txt': 'Just one paragraph of text.\n' })).toThrow(
      /pages\[0\]\.kind: no items found/,
    );
  });
});

describe('passages', () => {
  const sentence = (n: number): string => `Sentence number ${n} says something about the migration plan and its critics in some detail here.`;

  it('cuts a long paragraph into passages of at most 3 sentences and 600 characters', () => {
    const paragraph = Array.from({ length: 11 }, (_, i) => sentence(i + 1)).join(' ');
    const corpus = buildCorpus({ pages: [articleEntry('a.txt')] }, { 'a.txt': paragraph });
    for (const p of corpus.passages) {
      expect(p.text.length).toBeLessThanOrEqual(600);
      expect(p.text.match(/Sentence number/g)?.length).toBeLessThanOrEqual(3);
      expect(p.text.length).toBeGreaterThanOrEqual(190);
    }
    expect(corpus.passages.map((p) => p.text).join(' ')).toBe(paragraph);
  });

  it('keeps a quotation that runs over paragraphs in one passage, and otherwise stays within a paragraph', () => {
    const page = ['He said: "First part of the quote.', '"Second part of the quote."', 'A new paragraph starts here.'].join('\n');
    const corpus = buildCorpus({ pages: [articleEntry('a.txt')] }, { 'a.txt': page });
    expect(corpus.passages.map((p) => [p.text, p.paragraph])).toEqual([
      ['He said: "First part of the quote.\n"Second part of the quote."', 0],
      ['A new paragraph starts here.', 2],
    ]);
    const first = corpus.passages[0];
    expect(page.slice(first?.start, first?.end)).toBe('He said: "First part of the quote.\n"Second part of the quote."');
  });

  it('rejects a page that is not listed, even in memory', () => {
    expect(() => buildCorpus({ pages: [articleEntry('a.txt')] }, { 'a.txt': 'Text here.', 'b.txt': 'More.' })).toThrow(CorpusError);
  });
});
