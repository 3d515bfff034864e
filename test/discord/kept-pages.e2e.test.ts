/**
 * End to end against the Discord emulator: the pages of an answer kept in memory (its request is too long
 * for the buttons) live in a bounded LRU with expiry. Turned within the hour they work; after it, or once
 * newer answers have pushed them out, the button says they expired.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startDesk } from '../../src/desk/start-desk.ts';
import { PAGES_EXPIRED, PAGES_KEPT_IN_MEMORY } from '../../src/discord/pagination.ts';
import type { EmulatedUser } from '../emulator/index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';
import { buttons, finalMessage, isEphemeral, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

const HOUR_MS = 60 * 60_000;
// Long enough that the request cannot ride in a custom id, and wide enough to fill several pages.
const TOPIC = 'the return hubs that the government plans for failed asylum seekers whose claims and all their appeals have been exhausted';

let h: Harness;
let now = Date.parse('2025-06-02T09:00:00Z');
let users = 0;
const member = (): EmulatedUser => h.emulator.addUser({ username: `reader${++users}` });

beforeAll(async () => {
  const desk = await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false });
  h = await startHarness(desk, { pages: { max: 2, ttlMs: HOUR_MS, now: () => now } });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

async function keptAnswer(asker: EmulatedUser): Promise<APIMessage> {
  const interaction = await h.emulator.sendCommand({ name: 'compare', options: { topic: TOPIC }, user: asker });
  const reply = await finalMessage(interaction);
  expect(reply.content).toBe(PAGES_KEPT_IN_MEMORY);
  return reply;
}

/** Turns `reply`'s page (Next, or Prev on the last page): the page footer when it turned, the refusal's text when it did not. */
async function turn(reply: APIMessage, asker: EmulatedUser): Promise<string> {
  const onScreen = buttons(h.emulator.message(reply.id)!);
  const button =
    onScreen.find((one) => one.label?.includes('Next') && !one.disabled) ?? onScreen.find((one) => one.label?.includes('Prev'))!;
  const click = await h.emulator.clickButton({ messageId: reply.id, customId: button.custom_id, user: asker });
  const shown = await finalMessage(click, (message) => message.id !== reply.id || message.embeds?.[0]?.footer?.text !== undefined);
  if (shown.id === reply.id) return h.emulator.message(reply.id)!.embeds?.[0]?.footer?.text ?? '';
  expect(isEphemeral(shown)).toBe(true);
  return shown.content ?? '';
}

it('turns kept pages within the hour, and says they expired after it', async () => {
  const asker = member();
  const reply = await keptAnswer(asker);
  now += HOUR_MS - 1_000;
  expect(await turn(reply, asker)).toMatch(/^Page 2 of /u);
  // Turning a page does not extend the hour: it counts from when the answer was given.
  now += 1_001;
  expect(await turn(reply, asker)).toBe(PAGES_EXPIRED);
});

it('forgets the least recently used answer once more answers are kept than it holds', async () => {
  const first = member();
  const oldest = await keptAnswer(first);
  const second = member();
  await keptAnswer(second);
  const third = member();
  const newest = await keptAnswer(third);
  expect(await turn(newest, third)).toMatch(/^Page 2 of /u);
  expect(await turn(oldest, first)).toBe(PAGES_EXPIRED);
});
