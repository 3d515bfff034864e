import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/console/parse-line.ts';

describe('parseCommandLine', () => {
  it('gives the first option its value when its name is left out', () => {
    expect(parseCommandLine('/country Serbia')).toMatchObject({ command: 'country', options: { name: 'Serbia' } });
    expect(parseCommandLine('/ask who ruled out hosting a hub?')).toMatchObject({
      command: 'ask',
      options: { question: 'who ruled out hosting a hub?' },
    });
  });

  it('splits named options, in any order, with multi-word values', () => {
    expect(parseCommandLine('/quote who:Vjosa Osmani about:formal talks')).toMatchObject({
      command: 'quote',
      options: { who: 'Vjosa Osmani', about: 'formal talks' },
    });
    expect(parseCommandLine('/quote about:talks who:Osmani').options).toEqual({ who: 'Osmani', about: 'talks' });
  });

  it('keeps colons inside a question: a time, "said:", an unknown word in /ask', () => {
    expect(parseCommandLine('/ask what is at 1:30? Osmani said: yes, note:this')).toMatchObject({
      options: { question: 'what is at 1:30? Osmani said: yes, note:this' },
    });
    expect(parseCommandLine('/ask what is at 1:30?').problem).toBeUndefined();
  });

  it('reports an unknown option instead of folding it into a value', () => {
    expect(parseCommandLine('/country Serbia extra:foo').problem).toBe('/country has no option "extra"; it takes "name".');
  });

  it('reports an option given twice', () => {
    expect(parseCommandLine('/country name:Serbia name:Kosovo').problem).toBe('"name" is given twice.');
  });

  it("accepts Discord's private option, which changes nothing in the console", () => {
    expect(parseCommandLine('/country Serbia private:True')).toEqual({
      command: 'country',
      options: { name: 'Serbia' },
      input: '/country Serbia private:True',
    });
  });

  it('treats a line without a slash as a question for /ask, and keeps the line as typed', () => {
    expect(parseCommandLine('  who ruled out hosting a hub? ')).toEqual({
      command: 'ask',
      options: { question: 'who ruled out hosting a hub?' },
      input: 'who ruled out hosting a hub?',
    });
  });

  it('passes an unknown command through for validation to name', () => {
    expect(parseCommandLine('/nope Serbia')).toMatchObject({ command: 'nope', options: {} });
  });

  it('reports text given to a command that takes no options', () => {
    expect(parseCommandLine('/help extra').problem).toBe('/help takes no options; remove "extra".');
  });
});
