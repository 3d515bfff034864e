/**
 * Logging: pino, configured here once for every process (the bot, its shards, the sharding manager,
 * the desk's workers' host, the services in scripts/). One JSON object per line by default, e.g.
 * {"level":"info","time":"…","pid":1,"msg":"interaction","command":"ask","outcome":"ok","latencyMs":42};
 * readable colored lines through pino-pretty (a dev dependency) with LOG_PRETTY=1, or when stdout is a
 * terminal and LOG_PRETTY is unset.
 *
 * The token never reaches a line: pino's redact configuration censors the fields that carry it
 * (REDACTED_PATHS), and every finished line is scrubbed of the secrets given and of anything shaped
 * like a bot token or an interaction/webhook token in a URL, which can hide inside an error's message.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import { loadHostConfig, type LogLevel } from './env.ts';

export type { Logger };

/** Fields that carry the token, at the top of a line's object or one level down (`config.token`). */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

const CENSOR = '[redacted]';

export interface LoggerOptions {
  level?: LogLevel | 'silent';
  /** Strings that must never be printed (the bot token). */
  secrets?: readonly string[];
  /** Each finished line, without its newline; stdout (or pino-pretty) by default. */
  write?: (line: string) => void;
  /** Where lines go when no `write` is given: stdout (default) or stderr. */
  to?: 'stdout' | 'stderr';
  /** Readable lines through pino-pretty instead of JSON (default: when the stream is a terminal). */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: serialiseError, err: serialiseError },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      hooks: { streamWrite: (line) => redact(line, secrets) },
    },
    destination(options),
  );
}

/** A logger that drops everything, for callers that do not care. */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} });

function destination(options: LoggerOptions): DestinationStream {
  const write = options.write;
  if (write) return { write: (line: string) => write(line.replace(/\n$/u, '')) };
  const stream = options.to === 'stderr' ? process.stderr : process.stdout;
  const fd = options.to === 'stderr' ? 2 : 1;
  const isTerminal = Boolean(stream.isTTY);
  if (options.pretty ?? isTerminal) {
    const pretty = loadPinoPretty();
    if (pretty) return pretty({ colorize: isTerminal, destination: fd, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid' });
  }
  // The process's own stream (synchronous for files and pipes on Linux), so nothing is lost on exit.
  return stream;
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

/** pino-pretty is a dev dependency: a production install (`npm ci --omit=dev`) logs JSON lines. */
function loadPinoPretty(): PrettyFactory | undefined {
  try {
    return createRequire(import.meta.url)('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
}

/** Removes secrets and the tokens Discord puts in interaction and webhook URLs from a line of text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(CENSOR);
  return (
    out
      .replace(/(\/interactions\/\d+\/)[\w.-]+/gu, `$1${CENSOR}`)
      .replace(/(\/webhooks\/\d+\/)[\w.-]+/gu, `$1${CENSOR}`)
      // Anything shaped like a bot token (id.timestamp.hmac), whoever's it is.
      .replace(/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/gu, CENSOR)
  );
}

/** An error as a log field: what it is, Discord's code and status, the request URL, and where it was thrown. */
export function serialiseError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields: Record<string, unknown> = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) fields['code'] = code;
  const status = (error as { status?: unknown }).status;
  if (status !== undefined) fields['status'] = status;
  const url = (error as { url?: unknown }).url;
  if (typeof url === 'string') fields['url'] = url;
  if (error.stack) fields['stack'] = error.stack;
  return fields;
}

/** The logger a service starts with: LOG_LEVEL and LOG_PRETTY from the environment (a bad value throws ConfigError). */
export function loggerFromEnvironment(options: Omit<LoggerOptions, 'level' | 'pretty'> = {}): Logger {
  const host = loadHostConfig();
  return createLogger({ ...options, level: host.logLevel, ...(host.logPretty === undefined ? {} : { pretty: host.logPretty }) });
}
