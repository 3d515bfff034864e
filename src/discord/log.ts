import type { LogLevel } from './config.ts';

/**
 * Structured logs: one JSON object per line on stdout, e.g.
 * {"time":"…","level":"info","msg":"interaction","command":"ask","outcome":"ok","latencyMs":42}
 * Every line passes through `redact` first, so the token and interaction tokens cannot leak
 * even when they hide inside an error's message or a request URL.
 */

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Strings that must never be printed (the bot token). */
  secrets?: string[];
  /** Where lines go; stdout by default. */
  write?: (line: string) => void;
}

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = SEVERITY[options.level ?? 'info'];
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (SEVERITY[level] < threshold) return;
      const entry = { time: new Date().toISOString(), level, msg, ...serialiseFields(fields) };
      write(redact(safeStringify(entry), secrets));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything, for callers that do not care. */
export const silentLogger: Logger = createLogger({ write: () => {} });

/** Removes secrets and the tokens Discord puts in interaction and webhook URLs. */
export function redact(text: string, secrets: string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return (
    out
      .replace(/(\/interactions\/\d+\/)[\w.-]+/gu, '$1[redacted]')
      .replace(/(\/webhooks\/\d+\/)[\w.-]+/gu, '$1[redacted]')
      // Anything shaped like a bot token (id.timestamp.hmac), whoever's it is.
      .replace(/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/gu, '[redacted]')
  );
}

function serialiseFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? serialiseError(value) : value;
  return out;
}

export function serialiseError(error: Error): LogFields {
  const fields: LogFields = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) fields['code'] = code;
  const status = (error as { status?: unknown }).status;
  if (status !== undefined) fields['status'] = status;
  const url = (error as { url?: unknown }).url;
  if (typeof url === 'string') fields['url'] = url;
  if (error.stack) fields['stack'] = error.stack;
  return fields;
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'bigint') return inner.toString();
    if (typeof inner === 'object' && inner !== null) {
      if (seen.has(inner)) return '[circular]';
      seen.add(inner);
    }
    return inner;
  });
}
