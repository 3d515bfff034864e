import { findCommand } from '../answers/commands.ts';
import type { AnswerRequest } from '../answers/request.ts';

/** What the console parses a line into: a request, or what is wrong with the line itself. */
export type ParsedLine = AnswerRequest & { problem?: string };

/** Commands whose one option is free text, where "word:" is part of the text. */
const FREE_TEXT_COMMANDS = new Set(['ask', 'check']);

/** Discord's `private` option: the console is private anyway, so it is accepted and has no effect. */
const DISCORD_ONLY_OPTIONS = new Set(['private']);

// A word and a colon: the command's own option names always start an option; another word does only
// when the value follows without a space (`extra:foo`), so "Osmani said: yes" and "1:30" stay text.
const OPTION_MARKER = /(?:^|\s)([a-z][a-z_]*):(\S?)/giu;

/**
 * Parses a command line as a Discord user types it: `/quote who:Osmani about:talks`, `/country Serbia`.
 * Text before the first `name:` goes to the command's first option, so its name may be left out. A line
 * without a leading slash is a question for /ask. An unknown or repeated option is a problem to report,
 * never silently folded into a value.
 */
export function parseCommandLine(line: string): ParsedLine {
  const input = line.trim();
  if (!input.startsWith('/')) return { command: 'ask', options: { question: input }, input };
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(input) ?? [];
  const command = findCommand(name.toLowerCase());
  if (!command) return { command: name, options: {}, input };

  const optionNames = new Set(command.options.map((option) => option.name));
  const options: Record<string, string> = {};
  const problems: string[] = [];
  let current: string | undefined = command.options[0]?.name;
  let from = 0;
  const assign = (to: number) => {
    const value = rest.slice(from, to).trim();
    if (value.length === 0 || current === undefined) {
      if (value.length > 0) problems.push(`/${command.name} takes no options; remove "${value}".`);
      return;
    }
    if (DISCORD_ONLY_OPTIONS.has(current)) return;
    if (current in options) problems.push(`"${current}" is given twice.`);
    options[current] = value;
  };
  for (const match of rest.matchAll(OPTION_MARKER)) {
    const option = match[1]!.toLowerCase();
    if (!optionNames.has(option) && !DISCORD_ONLY_OPTIONS.has(option)) {
      // In a free question an unknown "word:" is part of the question.
      if (match[2] === '' || FREE_TEXT_COMMANDS.has(command.name)) continue;
      problems.push(`/${command.name} has no option "${option}"; it takes ${describe(command.options.map((o) => o.name))}.`);
    }
    assign(match.index);
    current = option;
    from = match.index + match[0].length - match[2]!.length;
  }
  assign(rest.length);
  for (const key of Object.keys(options)) if (!optionNames.has(key)) delete options[key];
  return { command: command.name, options, input, ...(problems.length > 0 ? { problem: problems[0]! } : {}) };
}

function describe(names: string[]): string {
  return names.length === 0 ? 'no options' : names.map((name) => `"${name}"`).join(', ');
}
