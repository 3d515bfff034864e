/**
 * The furniture rules by family, on lines of the kind any news site prints (written for this test, not taken from
 * the corpus), and the story sentences that look like furniture but must be kept.
 */
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/corpus/furniture.ts';
import { findInlineFurniture } from '../../src/corpus/inline.ts';
import { splitLines } from '../../src/corpus/lines.ts';

/** The lines of a page the rules keep as article text. */
function kept(lines: readonly string[]): string[] {
  const raw = splitLines(lines.join('\n'));
  const verdicts = classifyLines(raw);
  return raw.filter((_, i) => verdicts[i]?.kind === 'body').map((line) => line.norm);
}

const STORY = 'The minister said the talks would resume on Friday.';

describe('furniture families', () => {
  it.each([
    ['navigation and section words', ['Home World Politics Business Culture', 'World › Politics', 'Menu', 'Skip to main content']],
    ['bylines, time stamps and date or source labels', ['By Anna Berg, Chief Reporter', 'Anna Berg in Oslo', 'Thu 12 Jun 2025 07.30 CEST', 'Updated 3 hours ago', '4 min read', 'Newsroom with agencies']],
    ['share and social lines', ['Share on Facebook', 'Share via email', 'Copy link', 'Follow us: Instagram TikTok YouTube']],
    [
      'newsletter, subscription and donation appeals',
      [
        'Sign up to our morning briefing and never miss a story.',
        'Subscribe now for unlimited access.',
        'We will only use your email address to send you the newsletter you asked for.',
        'Quality reporting is not free. Please help us keep our journalism open to all.',
        'Donate',
        'Support us',
      ],
    ],
    ['cookie banners', ['We use cookies to personalise content and ads. You can change your preferences at any time.', 'Accept all cookies', 'Manage preferences']],
    ['related-article links', ['Read more: Floods force thousands from their homes', 'Related: How the ferry route was lost', "Don't miss", 'You may also like', 'Heatwave closes schools in the south']],
    ['audio and video player lines', ['Listen to this article', '05:12', 'Watch: The moment the boat came ashore', 'Video duration 1:45', '00:00 / 03:20']],
    ['captions, credits and gallery controls', ['Officials at the harbour on Monday. Photograph: Jan Novak/Agency', 'Image: Press Office', '3 of 14', 'Words by Lea Marin. Photographs by Tom Hale.']],
    ['tag lists run together', ['MigrationAsylumBordersPolitics', 'Tags: asylum, borders, courts', '#asylum #borders #politics']],
    ['broadcaster schedule banners', ['ON AIR NOW', 'Drive Time with Sam Okafor', '4pm - 7pm', 'Listen live', 'UP NEXT']],
    [
      'legal footers and notes about the page',
      [
        '© 2025 Harbour Media Ltd',
        'Registered in Scotland No. 4412.',
        'Comments are closed on this article.',
        'This article appears in the July issue. Subscribe for more.',
        'This article was originally written in Portuguese.',
        'Lena Dahl in Rome contributed to this report.',
        'Send us your feedback!',
      ],
    ],
    ['headings in Title Case, even with a full stop', ['Our Editorial Code: How We Report.']],
  ])('removes %s', (_family, lines) => {
    expect(kept([...lines, STORY])).toEqual([STORY]);
  });
});

describe('story text that looks like furniture', () => {
  it.each([
    ['a sentence opening with a button word', 'Support for the scheme has fallen since the spring, a poll found.'],
    ['a sentence opening with "By"', 'By Tuesday evening, the council had voted twice.'],
    ['a report that mentions e-mail in its own voice', 'We have asked the ministry by email whether the plan has changed.'],
    ['a quotation about subscriptions and cookies', '"Nobody reads the cookie banner," the regulator said.'],
    ['a single-quoted quotation that addresses the reader', "'If you want to donate to a charity, check its account first,' she said."],
    ['a quotation left open for the next paragraph', '"We do not need your newsletter, we need your votes.'],
    ['a sentence about a registered company', 'The boats belonged to a firm registered in Cyprus, the court heard.'],
  ])('keeps %s', (_why, sentence) => {
    expect(kept([sentence])).toEqual([sentence]);
  });

  it('keeps a line that opens a quotation printed below it, and a line cut mid-sentence', () => {
    expect(kept(['The minister added:', '"We will not sign this text."'])).toEqual(['The minister added:', '"We will not sign this text."']);
    expect(kept(['The council voted on the plan and', 'rejected it by one vote.'])).toEqual(['The council voted on the plan and', 'rejected it by one vote.']);
  });
});

describe('inline furniture', () => {
  it('removes a wire dateline from the paragraph it opens, and nothing else', () => {
    const datelines = ['OSLO, June 12 (Agency) - ', 'VALLETTA, Malta, June 12, 2025 (Wire Service) — ', 'SKOPJE (News Agency) -- ', 'Lisbon, 12 June (Agency) - '];
    for (const dateline of datelines) {
      const text = `${dateline}${STORY}`;
      const removed = findInlineFurniture(text).map((span) => text.slice(span.start, span.end));
      expect(removed).toEqual([dateline]);
    }
    expect(findInlineFurniture(`NATO - the alliance - said on Friday that ${STORY}`)).toEqual([]);
    expect(findInlineFurniture(`Anna Berg (left) - the envoy - said on Friday that ${STORY}`)).toEqual([]);
  });

  it('removes a cued link to another story that closes a paragraph', () => {
    const text = `${STORY} Read more: Ferry strike enters its second week`;
    const removed = findInlineFurniture(text).map((span) => text.slice(span.start, span.end));
    expect(removed).toEqual(['Read more: Ferry strike enters its second week']);
    expect(findInlineFurniture(`${STORY} Watch: the council will decide in May.`)).toEqual([]);
  });
});
