import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/answers/plain-text.ts';

describe('plainText', () => {
  it('drops mentions, channel and role tags and custom emoji', () => {
    expect(
      plainText('@everyone what did <@123456789> and <@!42> say in <#987>? <@&55> @here <:hub:1234>').replace(/\s+/g, ' ').trim(),
    ).toBe('what did and say in ?');
  });

  it('drops markdown and spoiler marks but keeps the words', () => {
    expect(plainText('**what** did __Philp__ ~~not~~ say ||about|| `hubs`')).toBe('what did Philp not say about hubs');
    expect(plainText('*who* ruled _out_ a hub?')).toBe('who ruled out a hub?');
    expect(plainText('> # who said it\n>>> why')).toBe('who said it\nwhy');
    expect(plainText('[the Times](https://example.com) report')).toBe('the Times report');
  });

  it('leaves marks inside a word, and plain text, alone', () => {
    expect(plainText('snake_case and 2*3')).toBe('snake_case and 2*3');
    expect(plainText("Kosovo's president")).toBe("Kosovo's president");
  });
});
