/** `npm run ask`'s command line, parsed with node:util parseArgs (src/runtime/args.ts). */
import { UsageError, parseCommandLine } from '../runtime/args.ts';

export const ASK_USAGE =
  'Usage: npm run ask -- [--json] "/country Serbia"   (or pipe command lines on stdin, one per line)\n' +
  '       npm run ask -- --overview <folder>         (write the /overview pictures there as PNG and SVG)';

export type AskArgs =
  | { mode: 'help' }
  | { mode: 'overview'; folder: string }
  /** `line` is empty when the command lines come on stdin. */
  | { mode: 'answer'; json: boolean; line: string };

/** Throws UsageError naming the bad option, with the usage. */
export function parseAskArgs(args: string[]): AskArgs {
  const { values, positionals } = parseCommandLine(
    {
      args,
      options: { json: { type: 'boolean' }, overview: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    },
    ASK_USAGE,
    { overview: 'out/' },
  );
  if (values.help) return { mode: 'help' };
  if (values.overview !== undefined) {
    if (values.overview === '' || values.overview.startsWith('-') || values.json || positionals.length > 0)
      throw new UsageError(`--overview takes one folder and nothing else, e.g. --overview out/.\n${ASK_USAGE}`);
    return { mode: 'overview', folder: values.overview };
  }
  return { mode: 'answer', json: values.json ?? false, line: positionals.join(' ').trim() };
}
