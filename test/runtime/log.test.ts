import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/log.ts';

const TOKEN = 'fake-token-for-tests-only.not-a-secret.this-is-no-real-discord-token';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createLogger({ ...(level ? { level } : {}), secrets: [TOKEN], write: (line) => lines.push(line) });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger (pino)', () => {
  it('writes one JSON object per line with level, message and fields', () => {
    const { logger, parsed } = capture();
    logger.info({ command: 'ask', outcome: 'ok', latencyMs: 12 }, 'interaction');
    expect(parsed()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'interaction', command: 'ask', outcome: 'ok', latencyMs: 12 }),
    ]);
  });

  it('drops lines below the configured level', () => {
    const { logger, parsed } = capture('warn');
    logger.info('quiet');
    logger.debug('quieter');
    logger.error('loud');
    expect(parsed().map((line) => line['msg'])).toEqual(['loud']);
  });

  it('censors the fields that carry the token by its redact configuration, whatever the token looks like', () => {
    // Not shaped like a bot token and not among the secrets: only the redact paths can catch it.
    const secret = 'plain-secret-value';
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    logger.info(
      { token: secret, DISCORD_TOKEN: secret, config: { token: secret }, request: { headers: { authorization: `Bot ${secret}` } } },
      'carrying the token',
    );
    logger.info({ headers: { authorization: `Bot ${secret}` } }, 'a request');
    const output = lines.join('\n');
    expect(output).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ token: '[redacted]', DISCORD_TOKEN: '[redacted]', config: { token: '[redacted]' } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ headers: { authorization: '[redacted]' } });
  });

  it('never prints the token, even inside an error message or stack', () => {
    const { logger, lines } = capture();
    logger.error({ error: new Error(`login failed for ${TOKEN}`), note: `Bot ${TOKEN}` }, 'failed');
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('hides interaction tokens in the URL of a Discord error and keeps its code', () => {
    const { logger, parsed } = capture();
    const error = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      'http://127.0.0.1/api/v10/interactions/123/aW50ZXJhY3Rpb246c2VjcmV0/callback',
      {},
    );
    logger.warn({ error }, 'vanished');
    const line = parsed()[0]!;
    expect(line['error']).toMatchObject({ code: 10062, status: 404 });
    expect(JSON.stringify(line)).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
  });
});
