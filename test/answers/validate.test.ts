import { describe, expect, it } from 'vitest';
import { validate } from '../../src/answers/validate.ts';

describe('validate', () => {
  it('accepts a well-formed request and tidies whitespace', () => {
    expect(validate('quote', { who: '  Vjosa   Osmani ', about: 'talks' })).toMatchObject({
      ok: true,
      options: { who: 'Vjosa Osmani', about: 'talks' },
    });
  });

  it('names a missing required option and shows the usage', () => {
    expect(validate('country', {})).toEqual({ ok: false, message: '/country needs "name": /country name:Serbia' });
  });

  it('names the limit an option breaks', () => {
    expect(validate('ask', { question: 'q' })).toEqual({ ok: false, message: 'Option "question" needs at least 2 characters.' });
    expect(validate('ask', { question: 'x'.repeat(301) })).toEqual({
      ok: false,
      message: 'Option "question" takes at most 300 characters.',
    });
  });

  it('names an unknown option and lists the ones the command takes', () => {
    expect(validate('quote', { who: 'Osmani', when: 'today' })).toEqual({
      ok: false,
      message: '/quote has no option "when"; it takes "who", "about".',
    });
    expect(validate('sources', { text: 'all' })).toEqual({ ok: false, message: '/sources has no option "text"; it takes no options.' });
  });

  it('names an unknown command and lists the commands', () => {
    const result = validate('nope', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Unknown command \/nope\. Commands: \/ask, \/country/);
  });

  it('rejects a value that is not text', () => {
    expect(validate('country', { name: 42 })).toEqual({ ok: false, message: 'Option "name" must be text.' });
  });

  it('strips control characters rather than passing them on', () => {
    expect(validate('ask', { question: 'who\u0000 ruled\u0007 out?' })).toMatchObject({
      ok: true,
      options: { question: 'who ruled out?' },
    });
  });
});
