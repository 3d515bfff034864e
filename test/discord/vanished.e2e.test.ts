/**
 * Interactions and messages that vanish before the bot answers (Discord's deadline passed: 10062
 * Unknown interaction; the reply deleted meanwhile: 10008 Unknown message) are logged and dropped:
 * they never crash the bot and never count as internal errors.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startDesk } from '../../src/desk/start-desk.ts';
import { startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(await startDesk({ corpusDir: SEED_CORPUS_DIR }));
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

async function outcomeFor(userId: string): Promise<Record<string, unknown>> {
  return vi.waitFor(
    () => h.logs.find((line) => line['msg'] === 'interaction' && line['user'] === userId) ?? Promise.reject(new Error('no log line yet')),
  );
}

it('logs an interaction that expired before the first response as vanished, and keeps serving', async () => {
  h.emulator.failNext({
    method: 'POST',
    path: /^\/interactions\/\d+\/[^/]+\/callback$/u,
    status: 404,
    body: { message: 'Unknown interaction', code: 10062 },
  });
  const late = h.emulator.addUser({ username: 'late' });
  await h.emulator.sendCommand({ name: 'help', options: {}, user: late });
  expect(await outcomeFor(late.id)).toMatchObject({ outcome: 'vanished' });

  const next = h.emulator.addUser({ username: 'next' });
  const reply = await (await h.emulator.sendCommand({ name: 'help', options: {}, user: next })).waitForMessage();
  expect((reply.embeds ?? []).length).toBeGreaterThan(0);
  expect(h.logs.some((line) => line['msg'] === 'interaction failed')).toBe(false);
});

it('logs a reply whose message was deleted meanwhile (10008) as vanished', async () => {
  h.emulator.failNext({
    method: 'PATCH',
    path: /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/u,
    status: 404,
    body: { message: 'Unknown Message', code: 10008 },
  });
  const user = h.emulator.addUser({ username: 'deleted' });
  await h.emulator.sendCommand({ name: 'country', options: { name: 'Serbia' }, user });
  expect(await outcomeFor(user.id)).toMatchObject({ outcome: 'vanished' });
  expect(h.logs.some((line) => line['msg'] === 'interaction failed')).toBe(false);
  expect(h.bot.client.isReady()).toBe(true);
});
