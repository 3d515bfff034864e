/** The splitting and quoting rules on text of the kind the next page will hold, not only the seed pages. */
import { describe, expect, it } from 'vitest';
import { QuoteTracker } from '../../src/corpus/quotes.ts';
import { splitSentences } from '../../src/corpus/sentences.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

/** Whether a quotation is open after each sentence of each paragraph. */
function openAfter(paragraphs: string[]): boolean[][] {
  const tracker = new QuoteTracker();
  return paragraphs.map((p) => {
    tracker.startParagraph(p);
    return tracker.openAfter(p, splitSentences(p).map((s) => s.end));
  });
}

describe('sentence splitting', () => {
  it.each([
    ['Mr. Smith met Dr. Jones on Monday. They talked.', ['Mr. Smith met Dr. Jones on Monday.', 'They talked.']],
    ['Ms Osmani met Sir Keir. She smiled.', ['Ms Osmani met Sir Keir.', 'She smiled.']],
    ['It will not do a deal with the U.K. Despite that, talks go on.', ['It will not do a deal with the U.K.', 'Despite that, talks go on.']],
    ['The U.K. Government said no. The U.S. State Department agreed.', ['The U.K. Government said no.', 'The U.S. State Department agreed.']],
    ["According to the U.K.'s Times, the U.K. is due to ask.", ["According to the U.K.'s Times, the U.K. is due to ask."]],
    ['He went to No. 10 on Friday. It rained.', ['He went to No. 10 on Friday.', 'It rained.']],
    ['J. K. Rowling wrote it. It sold.', ['J. K. Rowling wrote it.', 'It sold.']],
    ['A record 13,573 people crossed by 1:30 pm. It rose 2.5 per cent.', ['A record 13,573 people crossed by 1:30 pm.', 'It rose 2.5 per cent.']],
    ['She said: "It is over." Then she left.', ['She said: "It is over."', 'Then she left.']],
    ["'It is over,' she said. 'We go now.' They went.", ["'It is over,' she said.", "'We go now.'", 'They went.']],
    ['What now? "Nobody knows!" he said. 2025 was worse.', ['What now?', '"Nobody knows!" he said.', '2025 was worse.']],
    ['proposed by the minister, MI6 has warned. Spooks agree', ['proposed by the minister, MI6 has warned.', 'Spooks agree']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('quotation tracking', () => {
  it('does not take apostrophes for quote marks', () => {
    const text =
      "You'd think Britain's plan, the Tories' plan and Kosovo 's offer were new. The U.K.'s leaders' meeting was in the '90s. Rock 'n' roll.";
    expect(openAfter([text])).toEqual([[false, false, false]]);
  });

  it('keeps a single-quoted quotation open across sentences that re-open it, until it closes', () => {
    const text = "He said: 'It is bad. 'It is worse. 'It ends here.' Then he left.";
    expect(openAfter([text])).toEqual([[true, true, false, false]]);
  });

  it("reads \"countries' law\" inside a quotation as a possessive when the quotation closes later", () => {
    const text = "'Gangs test these countries' law and order. 'That is all.' He left.";
    expect(openAfter([text])).toEqual([[true, false, false]]);
  });

  it("reads \"the 'return hubs' idea\" as a short quotation", () => {
    expect(openAfter(["The 'return hubs' idea is not new. It is old."])).toEqual([[false, false]]);
  });

  it('carries a quotation into the next paragraph only when that paragraph re-opens it', () => {
    expect(openAfter(['She said: "We are ready.', '"We will go."', 'Then she left.'])).toEqual([[true], [false], [false]]);
    expect(openAfter(['She said: "We are ready.', 'Then she left.'])).toEqual([[true], [false]]);
    expect(openAfter(['He said: “It is done.', '“We won.”'])).toEqual([[true], [false]]);
  });

  it('keeps a double-quoted quotation open through an unquoted sentence inside it', () => {
    expect(openAfter(['She said: "No talks yet. It was not raised. "We are open." Ms Osmani smiled.'])).toEqual([
      [true, true, false, false],
    ]);
  });
});
