/**
 * `npm run ask -- "/country Serbia"`: answers one command line and exits. With no command line and
 * stdin not a terminal, answers each line of stdin in order. `--json` prints the answer model, one
 * JSON object per line. Exit code 0 when every line was answered (empty included), 2 when one was invalid.
 */
import readline from 'node:readline';
import type { Desk } from '../desk/desk.ts';
import { startDesk } from '../desk/start-desk.ts';
import { corpusDirFromEnvironment } from '../runtime/env.ts';
import { UsageError } from '../runtime/args.ts';
import { answerLine } from './answer-line.ts';
import { ASK_USAGE, type AskArgs, parseAskArgs } from './ask-args.ts';
import { renderAnswer } from './render.ts';
import { writeOverview } from './write-overview.ts';
import { reportStartupError } from './startup-error.ts';

async function main(argv: string[]): Promise<number> {
  let args: AskArgs;
  try {
    args = parseAskArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  if (args.mode === 'help') {
    console.log(ASK_USAGE);
    return 0;
  }
  if (args.mode === 'overview') {
    const desk = await startDesk({ corpusDir: corpusDirFromEnvironment() });
    for (const file of await writeOverview(desk, args.folder)) console.log(`Wrote ${file}`);
    return 0;
  }
  const { json, line } = args;
  if (line.length === 0 && process.stdin.isTTY) {
    console.error(ASK_USAGE);
    return 2;
  }
  const desk = await startDesk({ corpusDir: corpusDirFromEnvironment() });
  const answerLine = (text: string) => answerOne(desk, text, json);
  if (line.length > 0) return (await answerLine(line)) ? 0 : 2;

  let allValid = true;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim().length === 0) continue;
    allValid = (await answerLine(text)) && allValid;
  }
  return allValid ? 0 : 2;
}

/** Prints one answer; false when the line was invalid. */
async function answerOne(desk: Desk, text: string, json: boolean): Promise<boolean> {
  const answer = await answerLine(desk, text);
  process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, { color: Boolean(process.stdout.isTTY) })}\n\n`);
  return answer.status !== 'invalid';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportStartupError(error);
  },
);
