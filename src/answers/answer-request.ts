import { ask } from './ask.ts';
import { check } from './check.ts';
import { compare } from './compare.ts';
import type { AnswerContext } from './context.ts';
import { country } from './country.ts';
import type { AnswerRequest } from './request.ts';
import { help } from './help.ts';
import type { Answer } from './model.ts';
import { outlet } from './outlet.ts';
import { overview } from './overview.ts';
import type { CommandOutput } from './output.ts';
import { quote } from './quote.ts';
import { sources } from './sources.ts';
import { validate } from './validate.ts';
import type { ArgumentsOf, CommandName } from './commands.ts';

/** An answer function for every command defined in commands.ts, taking that command's options. */
export type AnswerFunctions = { [N in CommandName]: (context: AnswerContext, options: ArgumentsOf<N>) => CommandOutput };

/**
 * One answer function per command: options in, answer out. `satisfies` makes a command defined without
 * one, a function for no command, or an option its definition does not have, a compile error.
 */
const answerFunctions = {
  ask: (context, { question }) => ask(context, { question }),
  country: (context, { name }) => country(context, { name }),
  quote: (context, { who, about }) => quote(context, { who, ...(about ? { about } : {}) }),
  outlet: (context, { name }) => outlet(context, { name }),
  compare: (context, { topic }) => compare(context, { topic }),
  check: (context, { text }) => check(context, { text }),
  overview: (context) => overview(context),
  sources: (context) => sources(context),
  help: (context) => help(context),
} satisfies AnswerFunctions;

function runCommand<N extends CommandName>(name: N, context: AnswerContext, options: ArgumentsOf<N>): CommandOutput {
  const answer: AnswerFunctions[N] = answerFunctions[name];
  return answer(context, options);
}

/**
 * The core's one entry: validates a request, dispatches it to its command's answer function, and wraps
 * the output in the answer model. Synchronous and pure; the desk decides which thread runs it.
 */
export function answerRequest(context: AnswerContext, request: AnswerRequest): Answer {
  const input = request.input ?? inputOf(request);
  const validation = validate(request.command, request.options);
  if (!validation.ok) return invalidAnswer(request, validation.message);
  // validate() checked the options against this command's own definition: they are its ArgumentsOf.
  const output = runCommand(validation.command.name, context, validation.options as ArgumentsOf<CommandName>);
  const notes = [...(output.notes ?? []), ...cutPageNotes(context, output)];
  return { input, command: validation.command.name, options: validation.options, ...output, notes, corpusVersion: corpusVersion(context) };
}

/** Enough of the corpus hash to tell versions apart in a button's custom id. */
export function corpusVersion(context: AnswerContext): string {
  return context.story.corpus.hash.slice(0, 8);
}

/** A snippet from a page that lost its opening or has cuts may read oddly: say so wherever one is cited. */
function cutPageNotes(context: AnswerContext, output: CommandOutput): string[] {
  if (output.results.some((result) => result.passageId === null)) return [];
  const cut = new Set(
    output.results.map((result) => context.story.articleById.get(result.articleId)).filter((article) => article?.truncated),
  );
  return [...cut].map(
    (article) =>
      `${article!.outlet}'s page is incomplete (part of its text is lost): a passage from it may start or break off mid-sentence.`,
  );
}

/** The answer to a request that cannot be answered as given: what was wrong, and what is accepted. */
export function invalidAnswer(request: AnswerRequest, message: string): Answer {
  return {
    input: request.input ?? inputOf(request),
    command: request.command,
    options: stringOptions(request.options),
    status: 'invalid',
    message,
    results: [],
    notes: [],
  };
}

function inputOf(request: AnswerRequest): string {
  const options = Object.entries(request.options).filter(([, value]) => value !== undefined && value !== null);
  return [`/${request.command}`, ...options.map(([name, value]) => `${name}:${String(value)}`)].join(' ');
}

function stringOptions(options: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, String(value)]),
  );
}
