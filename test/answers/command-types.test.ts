/**
 * Command options are typed from the command definitions (src/answers/commands.ts). `npm test` runs
 * `tsc --noEmit` over this file first: each `@ts-expect-error` below fails the build if the mistake it
 * marks ever compiles again.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { AnswerFunctions } from '../../src/answers/answer-request.ts';
import type { ArgumentsOf, CommandName } from '../../src/answers/commands.ts';
import { definitionOf } from '../../src/discord/builder.ts';

describe('command options typed from their definitions', () => {
  it('gives each answer function exactly its options: required ones as strings, the others optional', () => {
    expectTypeOf<ArgumentsOf<'ask'>['question']>().toEqualTypeOf<string>();
    expectTypeOf<ArgumentsOf<'quote'>['who']>().toEqualTypeOf<string>();
    expectTypeOf<ArgumentsOf<'quote'>['about']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof ArgumentsOf<'quote'>>().toEqualTypeOf<'who' | 'about'>();
    expectTypeOf<keyof ArgumentsOf<'help'>>().toEqualTypeOf<never>();
  });

  it('makes a misspelt option a compile error', () => {
    const options: ArgumentsOf<'ask'> = { question: 'who ruled out hosting a hub?' };
    // @ts-expect-error /ask has no option "qestion"
    const misspelt: ArgumentsOf<'ask'> = { qestion: 'who ruled out hosting a hub?' };
    // @ts-expect-error /quote's "who" is required
    const missing: ArgumentsOf<'quote'> = { about: 'talks' };
    // @ts-expect-error reading an option the command does not define
    void options.topic;
    expectTypeOf(misspelt).not.toBeAny();
    expectTypeOf(missing).not.toBeAny();
  });

  it('makes a command defined without an answer function, or a function for no command, a compile error', () => {
    expectTypeOf<keyof AnswerFunctions>().toEqualTypeOf<CommandName>();
    const withoutHelp = {} as Omit<AnswerFunctions, 'help'>;
    // @ts-expect-error /help is defined in commands.ts but has no answer function
    const incomplete: AnswerFunctions = withoutHelp;
    const withExtra = {} as AnswerFunctions;
    // @ts-expect-error there is no /weather command to answer
    const extra: AnswerFunctions = { ...withExtra, weather: withExtra.help };
    expectTypeOf(incomplete).not.toBeAny();
    expectTypeOf(extra).not.toBeAny();
  });

  it('makes a command file named after no command a compile error', () => {
    expectTypeOf(definitionOf<'ask'>)
      .returns.toHaveProperty('name')
      .toEqualTypeOf<'ask'>();
    // @ts-expect-error commands/ has no /aks
    expectTypeOf(definitionOf<'aks'>).not.toBeAny();
  });
});
