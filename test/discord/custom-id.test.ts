import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.ts';
import type { CustomId } from '../../src/discord/custom-id.ts';

describe('custom ids', () => {
  it('round-trips page and pin buttons', () => {
    const ids: CustomId[] = [
      { kind: 'page', answerKey: 'a1b2c3d4e5f6', direction: 'next', page: 3, askerId: '123456789012345678' },
      { kind: 'page', answerKey: 'z', direction: 'prev', page: 0, askerId: '1' },
      { kind: 'pin' },
    ];
    for (const id of ids) expect(decodeCustomId(encodeCustomId(id))).toEqual(id);
  });

  it('fits in 100 characters with the longest key, page and snowflake', () => {
    const encoded = encodeCustomId({ kind: 'page', answerKey: 'k'.repeat(24), direction: 'next', page: 9999, askerId: '9'.repeat(20) });
    expect(encoded.length).toBeLessThanOrEqual(100);
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
    ]) {
      expect(decodeCustomId(raw)).toBeNull();
    }
  });

  it('refuses to build an id that could not be read back', () => {
    expect(() => encodeCustomId({ kind: 'page', answerKey: 'has:colon', direction: 'next', page: 1, askerId: '1' })).toThrow(/answer key/u);
    expect(() => encodeCustomId({ kind: 'page', answerKey: 'abc', direction: 'next', page: 1, askerId: 'me' })).toThrow(/asker id/u);
  });
});
