import { findCommand } from '../answers/commands.ts';
import type { AnswerRequest } from '../answers/desk.ts';

/**
 * Parses a command line as a Discord user types it: `/quote who:Osmani about:talks`, `/country Serbia`.
 * Text before the first `name:` goes to the command's first option, so its name may be left out. A line
 * without a leading slash is a question for /ask. Only the command's own option names split the line,
 * so a question may contain a colon ("what happened at 1:30?").
 */
export function parseCommandLine(line: string): AnswerRequest {
  const input = line.trim();
  if (!input.startsWith('/')) return { command: 'ask', options: { question: input }, input };
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(input) ?? [];
  const command = findCommand(name.toLowerCase());
  if (!command) return { command: name, options: {}, input };

  const optionNames = command.options.map((option) => option.name);
  const marker = new RegExp(`(?:^|\\s)(${optionNames.map(escapeRegExp).join('|') || '(?!)'}):`, 'gi');
  const options: Record<string, string> = {};
  let current: string | undefined = optionNames[0];
  let from = 0;
  const assign = (to: number) => {
    const value = rest.slice(from, to).trim();
    if (value.length === 0) return;
    // Text for a command with no options still reaches validation, which names the problem.
    const key = current ?? 'text';
    options[key] = options[key] ? `${options[key]} ${value}` : value;
  };
  for (const match of rest.matchAll(marker)) {
    assign(match.index);
    current = match[1]!.toLowerCase();
    from = match.index + match[0].length;
  }
  assign(rest.length);
  return { command: command.name, options, input };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
