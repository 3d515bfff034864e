import { inspect } from 'node:util';
import dotenv from 'dotenv';
import { z } from 'zod';

/**
 * The bot's configuration, read from the environment (and a `.env` file through dotenv), checked
 * with zod. Error messages name the variable and what it expects, and never repeat a value:
 * the token must not reach a log, and the other values are better shown by the user's own shell.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotConfig {
  /** The bot token. Redacted when the config is printed or serialised. */
  token: string;
  /** The application id; needed to register commands. */
  clientId?: string;
  /** When set, commands are registered to this server only (instant, for development). */
  guildId?: string;
  /** REST base for a Discord-compatible server, e.g. http://127.0.0.1:8080/api (tests use the emulator). */
  apiUrl?: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

const SNOWFLAKE = /^\d{17,20}$/u;
// A bot token is three base64url parts joined by dots; the first is the bot's id.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/u;

const expectations = {
  DISCORD_TOKEN:
    'the bot token from the Developer Portal (your application -> Bot -> Reset Token): three parts joined by dots, no "Bot " prefix, no quotes',
  DISCORD_CLIENT_ID: 'the application id (Developer Portal -> General Information -> Application ID): 17 to 20 digits',
  DISCORD_GUILD_ID:
    'a server id (Developer Mode on, right-click the server -> Copy Server ID): 17 to 20 digits, or leave it unset to register commands globally',
  DISCORD_API_URL: 'an http(s) URL of a Discord-compatible REST API such as http://127.0.0.1:8080/api, or leave it unset for discord.com',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')} (default info)`,
} as const;

type VariableName = keyof typeof expectations;

/** An unset variable and an empty one (`DISCORD_GUILD_ID=` in .env) mean the same. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
});

const schema = z.object({
  DISCORD_TOKEN: z.string().regex(TOKEN_SHAPE),
  DISCORD_CLIENT_ID: optional(z.string().regex(SNOWFLAKE)),
  DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE)),
  DISCORD_API_URL: optional(httpUrl),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
});

/** Loads `.env` from the working directory into process.env (existing variables win), quietly. */
export function loadDotenv(): void {
  dotenv.config({ quiet: true });
}

/**
 * Reads and checks the configuration. Throws ConfigError listing every bad variable with what it
 * expects. Pass `require: ['DISCORD_CLIENT_ID']` when a task needs an optional variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { require?: VariableName[] } = {}): BotConfig {
  const problems: string[] = [];
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const name of Object.keys(expectations) as VariableName[]) {
      if (!names.has(name)) continue;
      problems.push(
        env[name] === undefined || env[name] === ''
          ? `${name} is not set: expected ${expectations[name]}`
          : `${name} is invalid: expected ${expectations[name]}`,
      );
    }
  }
  for (const name of options.require ?? []) {
    if ((env[name] ?? '') === '' && !problems.some((problem) => problem.startsWith(`${name} `))) {
      problems.push(`${name} is not set: expected ${expectations[name]}`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const values = parsed.data;
  return withRedactedToken({
    token: values.DISCORD_TOKEN,
    ...(values.DISCORD_CLIENT_ID === undefined ? {} : { clientId: values.DISCORD_CLIENT_ID }),
    ...(values.DISCORD_GUILD_ID === undefined ? {} : { guildId: values.DISCORD_GUILD_ID }),
    ...(values.DISCORD_API_URL === undefined ? {} : { apiUrl: values.DISCORD_API_URL }),
    logLevel: values.LOG_LEVEL ?? 'info',
  });
}

/** Printing or serialising the config (console.log, JSON.stringify, a logger) shows the token as [redacted]. */
export function withRedactedToken(config: BotConfig): BotConfig {
  const redacted = () => ({ ...config, token: '[redacted]' });
  Object.defineProperty(config, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(config, inspect.custom, { value: redacted, enumerable: false });
  return config;
}

/** Which shards this machine runs (npm run start:sharded). */
export interface ShardingConfig {
  /** Total shards across all machines; unset: ask Discord for its recommendation. */
  count?: number;
  /** The shard ids this machine runs; unset: all of them. */
  list?: number[];
}

/**
 * SHARD_COUNT (a whole number >= 1) and SHARD_LIST (comma-separated shard ids, e.g. "0,1"). Several
 * machines share one bot by all setting the same SHARD_COUNT and each its own SHARD_LIST.
 */
export function loadShardingConfig(env: NodeJS.ProcessEnv = process.env): ShardingConfig {
  const problems: string[] = [];
  const rawCount = env['SHARD_COUNT']?.trim() ?? '';
  const rawList = env['SHARD_LIST']?.trim() ?? '';
  let count: number | undefined;
  if (rawCount !== '') {
    count = /^\d{1,5}$/u.test(rawCount) ? Number(rawCount) : Number.NaN;
    if (!(count >= 1))
      problems.push(
        'SHARD_COUNT is invalid: expected the total number of shards across all machines, a whole number of at least 1 (or unset to use the number Discord recommends)',
      );
  }
  let list: number[] | undefined;
  if (rawList !== '') {
    const parts = rawList.split(',').map((part) => part.trim());
    if (!parts.every((part) => /^\d{1,5}$/u.test(part))) {
      problems.push('SHARD_LIST is invalid: expected comma-separated shard ids such as "0,1" (or unset to run every shard)');
    } else {
      list = [...new Set(parts.map(Number))].sort((a, b) => a - b);
      if (rawCount === '')
        problems.push(
          'SHARD_LIST is set but SHARD_COUNT is not: machines that split the shards must agree on the total, so set SHARD_COUNT too',
        );
      else if (count !== undefined && count >= 1 && list.some((id) => id >= count))
        problems.push(`SHARD_LIST is invalid: shard ids run from 0 to SHARD_COUNT - 1 (${count - 1})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(count === undefined ? {} : { count }), ...(list === undefined ? {} : { list }) };
}
