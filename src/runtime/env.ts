/**
 * The environment: every variable story-desk reads, checked with zod in this one module (nothing else
 * reads process.env). Error messages name the variable, say what it expects and how to fix it, and
 * never repeat a value: the token must not reach a log, and the others are better shown by the user's
 * own shell. `.env.example` documents each variable.
 */
import path from 'node:path';
import { inspect } from 'node:util';
import dotenv from 'dotenv';
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_CORPUS_DIR = 'corpus';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

const SNOWFLAKE = /^\d{17,20}$/u;
// A bot token is three base64url parts joined by dots; the first is the bot's id.
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/u;
const SHARD_ID = /^\d{1,5}$/u;

/** What each variable expects, as the error message says it. */
const expectations = {
  DISCORD_TOKEN:
    'the bot token from the Developer Portal (your application -> Bot -> Reset Token): three parts joined by dots, no "Bot " prefix, no quotes',
  DISCORD_CLIENT_ID: 'the application id (Developer Portal -> General Information -> Application ID): 17 to 20 digits',
  DISCORD_GUILD_ID:
    'a server id (Developer Mode on, right-click the server -> Copy Server ID): 17 to 20 digits, or leave it unset to register commands globally',
  DISCORD_API_URL: 'an http(s) URL of a Discord-compatible REST API such as http://127.0.0.1:8080/api, or leave it unset for discord.com',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')} (default info)`,
  LOG_PRETTY:
    '1 for readable colored lines (needs the pino-pretty dev dependency), 0 for JSON lines, or unset: readable when stdout is a terminal',
  SHARD_COUNT:
    'the total number of shards across all machines, a whole number of at least 1 (or unset to use the number Discord recommends)',
  SHARD_LIST: 'comma-separated shard ids such as "0,1" (or unset to run every shard)',
  STORY_DESK_CORPUS: 'the corpus folder (pages, sources.json, gazetteer.json), or unset for corpus/ under the working directory',
  STORY_DESK_ALLOW_PRIVATE_FETCH:
    '1 to let coverage be fetched from loopback and private addresses (tests only), 0 or unset to refuse them',
} as const;

type VariableName = keyof typeof expectations;

/** An unset variable and an empty one (`DISCORD_GUILD_ID=` in .env) mean the same. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
});

const flag = z.enum(['0', '1']).transform((value) => value === '1');

const discordSchema = z.object({
  DISCORD_TOKEN: z.string().regex(TOKEN_SHAPE),
  DISCORD_CLIENT_ID: optional(z.string().regex(SNOWFLAKE)),
  DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE)),
  DISCORD_API_URL: optional(httpUrl),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
});

const hostSchema = z.object({
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  LOG_PRETTY: optional(flag),
  STORY_DESK_CORPUS: optional(z.string()),
  STORY_DESK_ALLOW_PRIVATE_FETCH: optional(flag),
});

const shardingSchema = z
  .object({
    SHARD_COUNT: optional(z.string().trim().regex(SHARD_ID).transform(Number).pipe(z.number().int().min(1))),
    SHARD_LIST: optional(
      z
        .string()
        .transform((text) => text.split(',').map((part) => part.trim()))
        .pipe(z.array(z.string().regex(SHARD_ID)))
        .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b)),
    ),
  })
  .superRefine((values, context) => {
    if (values.SHARD_LIST === undefined) return;
    if (values.SHARD_COUNT === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['SHARD_LIST'],
        message: 'SHARD_LIST is set but SHARD_COUNT is not: machines that split the shards must agree on the total, so set SHARD_COUNT too',
      });
    } else if (values.SHARD_LIST.some((id) => id >= values.SHARD_COUNT!)) {
      context.addIssue({
        code: 'custom',
        path: ['SHARD_LIST'],
        message: `SHARD_LIST is invalid: shard ids run from 0 to SHARD_COUNT - 1 (${values.SHARD_COUNT - 1})`,
      });
    }
  });

/**
 * Parses `env` with `schema`; throws ConfigError listing every bad variable once, with what it expects.
 * A check across variables (a custom issue) carries its own message.
 */
function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv, required: readonly VariableName[] = []): z.output<T> {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  const named = new Set<string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const name = String(issue.path[0]) as VariableName;
    if (named.has(name)) continue;
    named.add(name);
    if (issue.code === 'custom' && issue.message.startsWith(`${name} `)) problems.push(issue.message);
    else problems.push(`${name} ${isUnset(env[name]) ? 'is not set' : 'is invalid'}: expected ${expectations[name]}`);
  }
  for (const name of required) {
    if (isUnset(env[name]) && !named.has(name)) problems.push(`${name} is not set: expected ${expectations[name]}`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

const isUnset = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** Loads `.env` from the working directory into process.env (existing variables win), quietly. */
export function loadDotenv(): void {
  dotenv.config({ quiet: true });
}

/** Whether DISCORD_TOKEN is set at all: `npm start` runs the bot when it is, the console when not. */
export function discordTokenSet(env: NodeJS.ProcessEnv = process.env): boolean {
  return !isUnset(env['DISCORD_TOKEN']);
}

/** DISCORD_API_URL as set (unchecked), for a message saying which server could not be reached. */
export function discordApiUrlSetting(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return isUnset(env['DISCORD_API_URL']) ? undefined : env['DISCORD_API_URL']!.trim();
}

/** What every front end reads: logging, the corpus folder and the fetch policy. */
export interface HostConfig {
  logLevel: LogLevel;
  /** true: readable lines; false: JSON lines; undefined: readable when stdout is a terminal. */
  logPretty?: boolean;
  /** The corpus folder, resolved to an absolute path. */
  corpusDir: string;
  allowPrivateFetch: boolean;
}

/** Reads and checks the variables every front end shares; throws ConfigError naming each bad one. */
export function loadHostConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const values = parse(hostSchema, env);
  return {
    logLevel: values.LOG_LEVEL ?? 'info',
    ...(values.LOG_PRETTY === undefined ? {} : { logPretty: values.LOG_PRETTY }),
    corpusDir: path.resolve(values.STORY_DESK_CORPUS?.trim() ?? DEFAULT_CORPUS_DIR),
    allowPrivateFetch: values.STORY_DESK_ALLOW_PRIVATE_FETCH ?? false,
  };
}

/** The corpus folder named by STORY_DESK_CORPUS, resolved to an absolute path (default corpus/). */
export function corpusDirFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  return loadHostConfig(env).corpusDir;
}

/** STORY_DESK_ALLOW_PRIVATE_FETCH=1: fetching from this machine's and private networks' addresses is allowed. */
export function privateFetchAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return loadHostConfig(env).allowPrivateFetch;
}

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

/**
 * Reads and checks the Discord bot's configuration. Throws ConfigError listing every bad variable with
 * what it expects. Pass `require: ['DISCORD_CLIENT_ID']` when a task needs an optional variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { require?: readonly VariableName[] } = {}): BotConfig {
  const values = parse(discordSchema, env, options.require);
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
  const values = parse(shardingSchema, env);
  return {
    ...(values.SHARD_COUNT === undefined ? {} : { count: values.SHARD_COUNT }),
    ...(values.SHARD_LIST === undefined ? {} : { list: values.SHARD_LIST }),
  };
}
