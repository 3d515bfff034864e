import { describe, expect, it } from 'vitest';
import { RESULTS_PER_PAGE, renderAnswer } from '../../src/discord/render.ts';
import { escapeText } from '../../src/discord/text.ts';
import { answer, hugeAnswer, result, words } from './support/answers.ts';
import { expectMessageWithinLimits } from './support/discord-limits.ts';

/** Text a reader sees, with the escapes and zero-width spaces the renderer adds taken out. */
const visible = (text: string | undefined) => (text ?? '').replace(/\\(.)/gu, '$1').replace(/\u200b/gu, '');

describe('renderAnswer', () => {
  it('cites each snippet: outlet and headline linked to the source, the date, the snippet', () => {
    const [page] = renderAnswer(answer());
    const embed = page!.embeds[1]!;
    expect(embed.author?.name).toBe('The Guardian');
    expect(embed.author?.url).toBe('https://www.theguardian.com/politics/2025/may/15/return-hubs');
    expect(embed.title).toBe('Starmer plans return hubs in the Western Balkans');
    expect(embed.url).toBe('https://www.theguardian.com/politics/2025/may/15/return-hubs');
    expect(embed.footer?.text).toBe('15 May 2025');
    expect(embed.description).toBe('**Serbia** said it would not host a return hub, officials told reporters.');
  });

  it("puts what was asked and the answer's message in a header", () => {
    const [page] = renderAnswer(answer({ notes: ['The Times does not mention Serbia.'] }));
    const header = page!.embeds[0]!;
    expect(header.title).toBe('/country name:Serbia');
    expect(header.description).toContain('3 outlets mention Serbia.');
    expect(header.description).toContain('The Times does not mention Serbia.');
  });

  it('bolds the matched words', () => {
    const [page] = renderAnswer(answer({ results: [result({ snippet: 'Serbia ruled it out.', highlights: [[0, 6]] })] }));
    expect(page!.embeds[1]!.description).toBe('**Serbia** ruled it out.');
  });

  it('names the speaker of a quotation, and the attribution as printed when it differs', () => {
    const [page] = renderAnswer(
      answer({
        results: [
          result({ snippet: 'We will not be a hub.', highlights: [], speaker: 'Vjosa Osmani', speakerAsPrinted: 'the Kosovan president' }),
        ],
      }),
    );
    const description = page!.embeds[1]!.description!;
    expect(description).toContain('> We will not be a hub.');
    expect(description).toContain('— **Vjosa Osmani** (printed as “the Kosovan president”)');
  });

  it('says which other outlets carried the same passage, once each', () => {
    const cited = result({
      alsoIn: [
        { outlet: 'BBC News', articleId: 'bbc-1' },
        { outlet: 'Sky News', articleId: 'sky-1' },
        { outlet: 'BBC News', articleId: 'bbc-2' },
        { outlet: 'The Guardian', articleId: 'g-2' },
      ],
    });
    const [page] = renderAnswer(answer({ results: [cited] }));
    expect(page!.embeds[1]!.description).toContain('Also reported by: BBC News, Sky News');
    expect(page!.embeds[1]!.description).not.toMatch(/BBC News.*BBC News/su);
  });

  it('names the republisher when an outlet was read through another site', () => {
    const [page] = renderAnswer(answer({ results: [result({ outlet: 'Reuters', publishedVia: 'Yahoo News' })] }));
    expect(page!.embeds[1]!.author?.name).toBe('Reuters (via Yahoo News)');
  });

  it('says why a result is there when the command mixes kinds', () => {
    const [page] = renderAnswer(
      answer({ results: [result({ label: 'Only in *Sky News*', snippet: 'Kosovo will be one of the countries.', highlights: [] })] }),
    );
    expect(page!.embeds[1]!.description).toBe('__Only in \\*Sky News\\*__\nKosovo will be one of the countries.');
  });

  it('says so when the page prints no date', () => {
    const [page] = renderAnswer(answer({ results: [result({ date: null })] }));
    expect(page!.embeds[1]!.footer?.text).toBe('No date printed');
  });

  it('drops a link that is not http(s) instead of losing the answer', () => {
    const [page] = renderAnswer(answer({ results: [result({ url: 'javascript:alert(1)' })] }));
    expect(page!.embeds[1]!.url).toBeUndefined();
    expect(page!.embeds[1]!.title).toBe('Starmer plans return hubs in the Western Balkans');
  });

  it('sets differing figures side by side for /compare', () => {
    const compared = answer({
      command: 'compare',
      figures: [
        {
          counts: 'small boat crossings this year',
          values: [
            { outlet: 'The Times', articleId: 't', printed: 'more than 14,000', value: 14_000, passageId: 't:1' },
            { outlet: 'BBC News', articleId: 'b', printed: '14,812', value: 14_812, passageId: 'b:1' },
          ],
        },
      ],
    });
    const [page] = renderAnswer(compared);
    const figures = page!.embeds[1]!;
    expect(figures.fields).toEqual([
      { name: 'small boat crossings this year', value: '**The Times**: more than 14,000\n**BBC News**: 14,812' },
    ]);
  });

  it('shows help text (notes with no results) in full', () => {
    const notes = Array.from({ length: 7 }, (_, i) => `/command${i} usage line ${words(200)}`);
    const [page] = renderAnswer(answer({ command: 'help', input: '/help', results: [], notes }));
    for (const note of notes) expect(visible(page!.embeds[0]!.description)).toContain(note);
  });

  it(`pages long answers, ${RESULTS_PER_PAGE} results a page, losing none`, () => {
    const results = Array.from({ length: 12 }, (_, i) => result({ headline: `Headline number ${i}` }));
    const pages = renderAnswer(answer({ results }));
    expect(pages).toHaveLength(3);
    const titles = pages.flatMap((page) => page.embeds.slice(1).map((embed) => embed.title));
    expect(titles).toEqual(results.map((r) => r.headline));
    expect(pages[1]!.embeds[0]!.footer?.text).toBe('Page 2 of 3');
  });

  it('keeps every page within every Discord limit for a huge answer, and loses no result', () => {
    const huge = hugeAnswer();
    const pages = renderAnswer(huge);
    for (const page of pages) expectMessageWithinLimits(page);
    const shown = pages.flatMap((page) => page.embeds.filter((embed) => embed.author !== undefined));
    expect(shown).toHaveLength(huge.results.length);
    shown.forEach((embed, i) => expect(embed.title).toMatch(new RegExp(`^HEADLINE-${i} `, 'u')));
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    const [page] = renderAnswer(answer({ results: [result({ snippet: words(5_000), highlights: [] })] }));
    const description = page!.embeds[1]!.description!;
    expect(description.endsWith('…')).toBe(true);
    expect(description.slice(0, -1)).toMatch(/lorem\d+$/u);
    expect(words(5_000).startsWith(description.slice(0, -1))).toBe(true);
  });
});

describe('escaping', () => {
  const hostile =
    '**bold** __under__ *it* ~~gone~~ ||spoiler|| `code` [click](https://evil.example) @everyone @here <@123456789012345678> <@&987654321098765432> <#111111111111111111>';

  it('escapes markdown and breaks mentions in source text', () => {
    const [page] = renderAnswer(
      answer({
        results: [
          result({
            snippet: hostile,
            highlights: [],
            headline: hostile,
            outlet: 'Outlet',
            alsoIn: [{ outlet: '@everyone', articleId: 'x' }],
          }),
        ],
      }),
    );
    const embed = page!.embeds[1]!;
    for (const text of [embed.description!, embed.title!]) {
      expect(text).not.toMatch(/(?<!\\)\*\*bold/u);
      expect(text).not.toMatch(/(?<!\\)\[click\]/u);
      expect(text).not.toContain('@everyone');
      expect(text).not.toContain('@here');
      expect(text).not.toContain('<@123456789012345678>');
      expect(text).not.toContain('<@&987654321098765432>');
      expect(text).not.toContain('<#111111111111111111>');
      expect(visible(text)).toContain('**bold** __under__ *it* ~~gone~~ ||spoiler|| `code` [click](https://evil.example) @everyone');
    }
  });

  it("escapes the user's own words echoed in the header", () => {
    const [page] = renderAnswer(answer({ input: `/ask question:${hostile}`, message: `No passage matches "${hostile}".` }));
    const header = page!.embeds[0]!;
    for (const text of [header.title!, header.description!]) {
      expect(text).not.toContain('@everyone');
      expect(text).not.toContain('<@123456789012345678>');
      expect(text).not.toMatch(/(?<!\\)\*\*bold/u);
    }
    expect(visible(header.title)).toContain('@everyone');
  });

  it('stops a line of source text from becoming a heading, list or quote', () => {
    expect(escapeText('# Heading')).toBe('\\# Heading');
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('> quoted')).toBe('\\> quoted');
  });
});
