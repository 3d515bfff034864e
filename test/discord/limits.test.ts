import { describe, expect, it } from 'vitest';
import { toDiscordChoices } from '../../src/discord/autocomplete.ts';
import { truncate } from '../../src/discord/limits.ts';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Serbia ruled it out', 19)).toBe('Serbia ruled it out');
  });

  it('cuts at a word boundary and adds an ellipsis, within the limit', () => {
    const cut = truncate('Serbia ruled out hosting a return hub', 20);
    expect(cut).toBe('Serbia ruled out…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('cuts a single very long word hard rather than leaving almost nothing', () => {
    expect(truncate(`a ${'x'.repeat(50)}`, 10)).toBe(`a ${'x'.repeat(7)}…`);
  });

  it('never leaves half of a surrogate pair', () => {
    const cut = truncate('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });

  it('never ends on a backslash that would escape the ellipsis', () => {
    expect(truncate('abc\\*def ghi', 5)).toBe('abc…');
  });
});

describe('toDiscordChoices', () => {
  it('sends at most 25 choices with names of at most 100 characters', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `Place ${i} ${'x'.repeat(200)}`, value: `place-${i}` }));
    const sent = toDiscordChoices(choices);
    expect(sent).toHaveLength(25);
    for (const choice of sent) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(sent[0]!.value).toBe('place-0');
  });

  it('leaves out values Discord cannot carry and duplicates', () => {
    const sent = toDiscordChoices([
      { name: 'Too long', value: 'v'.repeat(101) },
      { name: 'Serbia', value: 'Serbia' },
      { name: 'Serbia again', value: 'Serbia' },
      { name: '', value: 'Kosovo' },
    ]);
    expect(sent).toEqual([
      { name: 'Serbia', value: 'Serbia' },
      { name: 'Kosovo', value: 'Kosovo' },
    ]);
  });
});
