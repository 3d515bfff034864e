/**
 * `npm run ask -- "/country Serbia"`: answers one command line and exits. With no command line and
 * stdin not a terminal, answers each line of stdin in order. `--json` prints the answer model, one
 * JSON object per line. Exit code 0 when every line was answered (empty included), 2 when one was invalid.
 */
import readline from 'node:readline';
import type { Desk } from '../desk/desk.ts';
import { startDesk } from '../desk/start-desk.ts';
import { corpusDirFromEnvironment } from '../desk/corpus-dir.ts';
import { answerLine } from './answer-line.ts';
import { renderAnswer } from './render.ts';
import { writeOverview } from './write-overview.ts';
import { reportStartupError } from './startup-error.ts';

const USAGE =
  'Usage: npm run ask -- [--json] "/country Serbia"   (or pipe command lines on stdin, one per line)\n' +
  '       npm run ask -- --overview <folder>         (write the /overview pictures there as PNG and SVG)';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const overviewAt = argv.indexOf('--overview');
  if (overviewAt >= 0) {
    const folder = argv[overviewAt + 1];
    if (folder === undefined || folder.startsWith('-') || argv.length !== 2) {
      console.error(`--overview takes one folder and nothing else, e.g. --overview out/.\n${USAGE}`);
      return 2;
    }
    const desk = await startDesk({ corpusDir: corpusDirFromEnvironment() });
    for (const file of await writeOverview(desk, folder)) console.log(`Wrote ${file}`);
    return 0;
  }
  const unknownFlag = argv.find((arg) => arg.startsWith('-') && arg !== '--json');
  if (unknownFlag) {
    console.error(`Unknown flag ${unknownFlag}.\n${USAGE}`);
    return 2;
  }
  const json = argv.includes('--json');
  const line = argv
    .filter((arg) => arg !== '--json')
    .join(' ')
    .trim();
  if (line.length === 0 && process.stdin.isTTY) {
    console.error(USAGE);
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
