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

  it('splits only at the command\'s own option names, so a question may hold colons', () => {
    expect(parseCommandLine('/ask what is at 1:30 in the video? note:this').options).toEqual({
      question: 'what is at 1:30 in the video? note:this',
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

  it('keeps text given to a command without options, so validation can reject it', () => {
    expect(parseCommandLine('/sources all of them').options).toEqual({ text: 'all of them' });
  });
});
