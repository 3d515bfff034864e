import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig, loadHostConfig, loadShardingConfig } from '../../src/runtime/env.ts';
import { createLogger } from '../../src/runtime/log.ts';

// Shaped like a real token, but made up.
const TOKEN = 'fake-token-for-tests-only.not-a-secret.this-is-no-real-discord-token';
const valid = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678' };

function problemsOf(env: NodeJS.ProcessEnv, options?: Parameters<typeof loadConfig>[1]): string {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads a valid environment, with defaults', () => {
    const config = loadConfig({ ...valid, DISCORD_GUILD_ID: '', DISCORD_API_URL: 'http://127.0.0.1:8080/api' });
    expect(config).toMatchObject({ token: TOKEN, clientId: '123456789012345678', apiUrl: 'http://127.0.0.1:8080/api', logLevel: 'info' });
    expect(config.guildId).toBeUndefined();
  });

  it('names a missing token and says where to get one', () => {
    const message = problemsOf({});
    expect(message).toContain('DISCORD_TOKEN is not set');
    expect(message).toContain('Reset Token');
  });

  it('names a malformed token without printing it', () => {
    const wrong = `Bot ${TOKEN}`;
    const message = problemsOf({ ...valid, DISCORD_TOKEN: wrong });
    expect(message).toContain('DISCORD_TOKEN is invalid');
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('abcdefghijklmnop');
  });

  it('names each bad variable and what it expects', () => {
    const message = problemsOf({
      ...valid,
      DISCORD_CLIENT_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://x',
      LOG_LEVEL: 'loud',
    });
    expect(message).toContain('DISCORD_CLIENT_ID is invalid: expected the application id');
    expect(message).toContain('DISCORD_GUILD_ID is invalid: expected a server id');
    expect(message).toContain('DISCORD_API_URL is invalid: expected an http(s) URL');
    expect(message).toContain('LOG_LEVEL is invalid: expected one of debug, info, warn, error');
    expect(message).not.toContain(TOKEN);
  });

  it('requires the client id when a task needs it', () => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, { require: ['DISCORD_CLIENT_ID'] })).toContain('DISCORD_CLIENT_ID is not set');
  });

  it('never shows the token when the config is printed, serialised or logged', () => {
    const config = loadConfig(valid);
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(inspect(config)).not.toContain(TOKEN);
    expect(String(config.token)).toBe(TOKEN);
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.info({ config }, 'config');
    expect(lines.join('\n')).toContain('[redacted]');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

describe('loadShardingConfig', () => {
  it("reads a count and this machine's shard list", () => {
    expect(loadShardingConfig({ SHARD_COUNT: '4', SHARD_LIST: '2, 3' })).toEqual({ count: 4, list: [2, 3] });
    expect(loadShardingConfig({})).toEqual({});
  });

  it('refuses a list without a count, ids out of range, and non-numbers', () => {
    expect(() => loadShardingConfig({ SHARD_LIST: '0,1' })).toThrow(/SHARD_LIST is set but SHARD_COUNT is not/u);
    expect(() => loadShardingConfig({ SHARD_COUNT: '2', SHARD_LIST: '0,2' })).toThrow(
      /SHARD_LIST is invalid: shard ids run from 0 to SHARD_COUNT - 1 \(1\)/u,
    );
    expect(() => loadShardingConfig({ SHARD_COUNT: 'two' })).toThrow(/SHARD_COUNT is invalid/u);
    expect(() => loadShardingConfig({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT is invalid/u);
    expect(() => loadShardingConfig({ SHARD_COUNT: '2', SHARD_LIST: 'first' })).toThrow(
      /SHARD_LIST is invalid: expected comma-separated shard ids/u,
    );
  });
});

describe('loadHostConfig', () => {
  it('reads logging, the corpus folder and the fetch policy, with defaults', () => {
    expect(loadHostConfig({})).toEqual({ logLevel: 'info', corpusDir: path.resolve('corpus'), allowPrivateFetch: false });
    expect(
      loadHostConfig({ LOG_LEVEL: 'debug', LOG_PRETTY: '0', STORY_DESK_CORPUS: 'elsewhere', STORY_DESK_ALLOW_PRIVATE_FETCH: '1' }),
    ).toEqual({
      logLevel: 'debug',
      logPretty: false,
      corpusDir: path.resolve('elsewhere'),
      allowPrivateFetch: true,
    });
  });

  it('names each bad variable and the values it takes', () => {
    let message = '';
    try {
      loadHostConfig({ LOG_LEVEL: 'verbose', LOG_PRETTY: 'yes', STORY_DESK_ALLOW_PRIVATE_FETCH: 'true' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('LOG_LEVEL is invalid: expected one of debug, info, warn, error');
    expect(message).toContain('LOG_PRETTY is invalid: expected 1 for readable colored lines');
    expect(message).toContain('STORY_DESK_ALLOW_PRIVATE_FETCH is invalid: expected 1 to let coverage be fetched');
    expect(message).toContain('See .env.example');
  });
});
