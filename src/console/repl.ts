import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { commandDefinitions, findCommand } from '../answers/commands.ts';
import type { Desk } from '../desk/desk.ts';
import { answerLine } from './answer-line.ts';
import { renderAnswer } from './render.ts';

const HISTORY_FILE = path.join(os.homedir(), '.story-desk_history');
const HISTORY_SIZE = 500;

const GREETING = `story-desk is running locally: no DISCORD_TOKEN is set, so it answers here instead of on Discord.
Type a command as you would in Discord, e.g. /country Serbia, /quote who:Osmani about:talks, /ask who ruled out hosting a hub?
Tab completes commands, places, speakers and outlets. Console words: help (the commands), clear (the screen), exit or quit (or Ctrl+D).
To go live on Discord, set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see README.md, "Going live on Discord").`;

/** The interactive console: Discord's command lines, answered locally with history and tab completion. */
export async function runConsole(desk: Desk): Promise<void> {
  const color = Boolean(process.stdout.isTTY);
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: 'story-desk> ',
    history: readHistory(),
    historySize: HISTORY_SIZE,
    completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
      complete(desk, line).then(
        (result) => callback(null, result),
        () => callback(null, [[], line]),
      );
    },
  });
  console.log(GREETING);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    const word = consoleWord(text);
    if (word === 'exit' || word === 'quit') break;
    if (word === 'clear') console.clear();
    else if (text.length > 0) {
      // "help" is the console's word for /help, not a question about the story.
      console.log(`${renderAnswer(await answerLine(desk, word === 'help' ? '/help' : text), { color })}\n`);
      appendHistory(text);
    }
    rl.prompt();
  }
  rl.close();
}

const CONSOLE_WORDS = ['help', 'clear', 'exit', 'quit'] as const;

/** The console word a line is ("help", "Exit", "quit!"), if it is one rather than a question. */
export function consoleWord(text: string): (typeof CONSOLE_WORDS)[number] | undefined {
  const word = text.toLowerCase().replace(/[.!?]+$/u, '');
  return CONSOLE_WORDS.find((known) => known === word);
}

/** Tab completion: command names, then the values of an autocompleted option. */
export async function complete(desk: Desk, line: string): Promise<[string[], string]> {
  const commandMatch = /^\/(\S*)$/.exec(line);
  if (commandMatch) {
    const names = commandDefinitions.map((command) => `/${command.name} `).filter((name) => name.startsWith(line));
    return [names, line];
  }
  const [, name = '', rest = ''] = /^\/(\S+)\s+([\s\S]*)$/.exec(line) ?? [];
  const command = findCommand(name);
  if (!command) return [[], line];
  // The option being typed: the last `name:` in the line, else the first option.
  const named = /(?:^|\s)(\w+):([^:]*)$/.exec(rest);
  const option = command.options.find((candidate) => candidate.name === (named ? named[1] : command.options[0]?.name));
  const typed = named ? named[2]! : rest;
  if (!option?.autocomplete) return [[], typed];
  return [(await desk.complete(option.autocomplete, typed)).map((choice) => choice.value), typed];
}

function readHistory(): string[] {
  try {
    return fs.readFileSync(HISTORY_FILE, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function appendHistory(line: string): void {
  try {
    fs.appendFileSync(HISTORY_FILE, `${line.replace(/\n/g, ' ')}\n`);
  } catch {
    // History is a convenience: a read-only home must not stop the console.
  }
}
