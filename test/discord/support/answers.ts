import type { Answer, Result } from '../../../src/answers/model.ts';

/** Hand-made answers: the renderer's input, built the way the core builds them. */
export function result(overrides: Partial<Result> = {}): Result {
  return {
    outlet: 'The Guardian',
    articleId: 'guardian-1',
    headline: 'Starmer plans return hubs in the Western Balkans',
    url: 'https://www.theguardian.com/politics/2025/may/15/return-hubs',
    date: '15 May 2025',
    passageId: 'guardian-1:p3',
    snippet: 'Serbia said it would not host a return hub, officials told reporters.',
    highlights: [[0, 6]],
    alsoIn: [],
    ...overrides,
  };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    input: '/country name:Serbia',
    command: 'country',
    options: { name: 'Serbia' },
    status: 'ok',
    message: '3 outlets mention Serbia.',
    results: [result()],
    notes: [],
    ...overrides,
  };
}

/** A long run of words, `length` characters exactly. */
export function words(length: number, word = 'lorem'): string {
  let text = '';
  let i = 0;
  while (text.length < length) text += `${text.length === 0 ? '' : ' '}${word}${i++}`;
  return text.slice(0, length);
}

/** The largest answer the core could conceivably produce, with every field at or past Discord's limits. */
export function hugeAnswer(): Answer {
  const nasty = '**bold** @everyone <@123456789012345678> [link](https://evil.example) ';
  return answer({
    input: `/ask question:${'x'.repeat(300)}`,
    command: 'ask',
    message: words(5_000),
    notes: Array.from({ length: 200 }, (_, i) => `note ${i} ${words(600)}`),
    results: Array.from({ length: 60 }, (_, i) =>
      result({
        outlet: `Outlet ${i} ${words(400)}`,
        publishedVia: words(300),
        articleId: `article-${i}`,
        headline: `HEADLINE-${i} ${nasty.repeat(30)}`,
        url: `https://example.com/${'a'.repeat(100)}/${i}`,
        date: words(3_000),
        snippet: nasty.repeat(120),
        highlights: [
          [0, 8],
          [5, 40],
          [100, 9_000],
        ],
        speaker: words(500),
        speakerAsPrinted: words(500, 'said'),
        label: words(400, 'label'),
        alsoIn: Array.from({ length: 100 }, (_, j) => ({ outlet: `Also ${j} ${words(150)}`, articleId: `also-${j}` })),
      }),
    ),
    figures: Array.from({ length: 40 }, (_, i) => ({
      counts: `figure ${i} ${words(400)}`,
      values: Array.from({ length: 50 }, (_, j) => ({
        outlet: `Outlet ${j} ${words(200)}`,
        articleId: `a${j}`,
        printed: words(300),
        value: j,
        passageId: `a${j}:p1`,
      })),
    })),
  });
}
