/**
 * Command-line arguments: node:util parseArgs, strict, with its errors turned into a sentence that
 * names the option, says what it takes and ends with the usage, so every entry point (npm run ask,
 * npm run bench, the scripts) answers a typo the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the program cannot run: the message says what is wrong and how to write it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** --help (or -h) on an entry point that defines no help option of its own: the message is the usage. */
export class HelpRequested extends UsageError {
  override name = 'HelpRequested';
}

/**
 * Parses `args` strictly; an unknown option, a missing value or a stray argument throws UsageError.
 * `examples` gives an option's example value for the message, e.g. { sizes: '1000,10000' }.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
  examples: Readonly<Record<string, string>> = {},
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (config.options?.['help'] === undefined && args.some((arg) => arg === '--help' || arg === '-h')) throw new HelpRequested(usage);
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (error) {
    throw new UsageError(`${explain(error, config, examples)}\n${usage}`);
  }
}

function explain(error: unknown, config: ParseArgsConfig, examples: Readonly<Record<string, string>>): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^' ]+)/u.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(config.options ?? {}).map((name) => `--${name}`);
    return `Unknown option ${option ?? message}: the options are ${known.join(', ')}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('argument missing'))
      return `${option} needs a value after it, e.g. ${option} ${examples[option?.replace(/^--/u, '') ?? ''] ?? '<value>'}.`;
    if (message.includes('does not take an argument')) return `${option} is a switch and takes no value: write ${option} alone.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `${message.replace(/\.?$/u, '.')}`;
  return message;
}

/**
 * Whole numbers of at least 1, separated by commas (underscores allowed: 10_000), or a UsageError naming
 * `what` (an option such as "--sizes", or "the passage count") with an example of it written right.
 */
export function wholeNumbers(text: string, what: string, example: string): number[] {
  return text.split(',').map((part) => {
    const number = Number(part.trim().replace(/_/gu, ''));
    if (part.trim() === '' || !Number.isInteger(number) || number < 1)
      throw new UsageError(`${what} takes whole numbers of at least 1 separated by commas, e.g. ${example} (got "${part}").`);
    return number;
  });
}

/**
 * For an entry point: the parsed command line; or the usage on stdout and exit code 0 for --help; or
 * the UsageError on stderr and exit code 2.
 */
export function parsedOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.message}\n`);
      process.exit(0);
    }
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
