import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId, fitsCustomId } from '../../src/discord/custom-id.ts';
import type { CustomId } from '../../src/discord/custom-id.ts';

describe('custom ids', () => {
  it('round-trips page, kept-page, share and pin buttons', () => {
    const ids: CustomId[] = [
      { kind: 'page', command: 'quote', page: 3, askerId: '123456789012345678', corpus: 'a1b2c3d4', options: ['Osmani', 'the talks'] },
      { kind: 'page', command: 'sources', page: 0, askerId: '1', corpus: '', options: [] },
      { kind: 'page', command: 'quote', page: 1, askerId: '18446744073709551615', corpus: 'ff', options: ['Ann', ''] },
      { kind: 'kept-page', answerKey: 'a1b2c3d4e5f6', direction: 'next', page: 3, askerId: '123456789012345678' },
      { kind: 'kept-page', answerKey: 'z', direction: 'prev', page: 0, askerId: '1' },
      { kind: 'share', cited: true },
      { kind: 'share', cited: false },
      { kind: 'pin' },
    ];
    for (const id of ids) expect(decodeCustomId(encodeCustomId(id))).toEqual(id);
  });

  it('carries option values with the separator and escape characters in them unchanged', () => {
    const options = ['a|b %7C c|', '100% | 50%25'];
    const id: CustomId = { kind: 'page', command: 'quote', page: 2, askerId: '987654321098765432', corpus: 'abc', options };
    expect(decodeCustomId(encodeCustomId(id))).toMatchObject({ options });
  });

  it('fits in 100 characters with the longest key, page and snowflake, and leaves room for a typical question', () => {
    const kept = encodeCustomId({ kind: 'kept-page', answerKey: 'k'.repeat(24), direction: 'next', page: 9999, askerId: '9'.repeat(20) });
    expect(kept.length).toBeLessThanOrEqual(100);
    const question = 'who ruled out hosting a hub in the region?';
    const page: CustomId = {
      kind: 'page',
      command: 'ask',
      page: 12,
      askerId: '1234567890123456789',
      corpus: '0123abcd',
      options: [question],
    };
    expect(encodeCustomId(page).length).toBeLessThanOrEqual(100);
  });

  it('says when a request does not fit rather than building a broken id', () => {
    const long: CustomId = {
      kind: 'page',
      command: 'ask',
      page: 1,
      askerId: '1234567890123456789',
      corpus: 'abc',
      options: ['x'.repeat(90)],
    };
    expect(fitsCustomId(long)).toBe(false);
    expect(() => encodeCustomId(long)).toThrow(/longer than 100/u);
  });

  it('does not understand ids from elsewhere or older versions', () => {
    for (const raw of [
      '',
      'next',
      'pg:abc:n:1',
      'pg:ABC:n:1:123',
      'pg:abc:x:1:123',
      'pg:abc:n:-1:123',
      'pg:abc:n:1:notanid',
      'pin:extra',
      'share',
      'share:2',
      'pq|Ask|1|abc|v|q',
      'pq|ask|!|abc|v|q',
      'pq|ask|1',
    ]) {
      expect(decodeCustomId(raw)).toBeNull();
    }
  });

  it('refuses to build an id that could not be read back', () => {
    expect(() => encodeCustomId({ kind: 'kept-page', answerKey: 'has:colon', direction: 'next', page: 1, askerId: '1' })).toThrow(
      /answer key/u,
    );
    expect(() => encodeCustomId({ kind: 'kept-page', answerKey: 'abc', direction: 'next', page: 1, askerId: 'me' })).toThrow(/asker id/u);
    expect(() => encodeCustomId({ kind: 'page', command: 'a|b', page: 1, askerId: '1', corpus: '', options: [] })).toThrow(/command/u);
  });
});
