/**
 * End to end against the Discord emulator: Share on private answers, and page buttons that carry their
 * request (they outlive a restart, say when the coverage changed, and fall back to memory, saying so,
 * when a request is too long for a custom id).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startDesk } from '../../src/desk/start-desk.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { COVERAGE_CHANGED, NOT_YOUR_PAGES, PAGES_EXPIRED, PAGES_KEPT_IN_MEMORY } from '../../src/discord/pagination.ts';
import { allowedMentionsOf } from '../emulator/index.ts';
import type { EmulatedUser } from '../emulator/index.ts';
import { NEW_ARTICLE, type TempCorpus, tempCorpus } from '../desk/support/temp-corpus.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';
import { expectMessageWithinLimits } from './support/discord-limits.ts';
import { buttons, finalMessage, isEphemeral, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

let seedDesk: Desk;
let grownDesk: Desk;
/** The desk the bot answers from: the seed corpus, or the seed corpus plus one article (a reload). */
let serving: Desk;
let temp: TempCorpus;
let h: Harness;
let userCount = 0;
const member = (): EmulatedUser => h.emulator.addUser({ username: `sharer${++userCount}` });

beforeAll(async () => {
  temp = tempCorpus();
  temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
  seedDesk = await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false });
  grownDesk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: false });
  serving = seedDesk;
  // As the worker desk swaps in a reloaded index: every call goes to whichever desk serves now.
  h = await startHarness({ answer: (request) => serving.answer(request), complete: (source, text) => serving.complete(source, text) });
}, 120_000);

afterAll(async () => {
  await h?.stop();
  temp?.remove();
});

async function command(name: string, options: Record<string, string | boolean>, user: EmulatedUser): Promise<APIMessage> {
  return finalMessage(await h.emulator.sendCommand({ name, options, user }));
}

const byLabel = (message: APIMessage, label: string) => buttons(message).find((button) => button.label?.includes(label));
const citationAuthors = (message: APIMessage) => (message.embeds ?? []).filter((embed) => embed.author).map((embed) => embed.author!.name);

describe('Share', () => {
  it('every private answer carries Share; pressing it posts the same answer publicly, saying who shared it, pinging no one', async () => {
    const asker = member();
    const reply = await command('country', { name: 'Serbia', private: true }, asker);
    expect(isEphemeral(reply)).toBe(true);
    const share = byLabel(reply, 'Share');
    expect(share).toBeDefined();
    expect(byLabel(reply, 'Pin')).toBeUndefined();

    const press = await h.emulator.clickButton({ messageId: reply.id, customId: share!.custom_id, user: asker });
    const shared = await finalMessage(press, (message) => message.id !== reply.id);
    expect(isEphemeral(shared)).toBe(false);
    expect(h.emulator.channelMessages().map((message) => message.id)).toContain(shared.id);
    expect(shared.content).toBe(`Shared by <@${asker.id}>`);
    expect(shared.mentions ?? []).toEqual([]);
    expect(allowedMentionsOf(shared)).toEqual({ parse: [] });
    expect(shared.embeds?.map((embed) => [embed.title, embed.description, embed.author?.name])).toEqual(
      reply.embeds?.map((embed) => [embed.title, embed.description, embed.author?.name]),
    );
    expectMessageWithinLimits(shared);
    // In public it is the sourced record: it can be pinned, and is not offered for sharing again.
    expect(byLabel(shared, 'Pin')).toBeDefined();
    expect(byLabel(shared, 'Share')).toBeUndefined();
  });

  it('shares the page on screen, and the public copy is paged by whoever shared it', async () => {
    const asker = member();
    const reply = await command('country', { name: 'Serbia', private: true }, asker);
    const next = byLabel(reply, 'Next')!;
    await (await h.emulator.clickButton({ messageId: reply.id, customId: next.custom_id, user: asker })).firstResponse();
    const onScreen = h.emulator.message(reply.id)!;
    expect(onScreen.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of /u);

    const press = await h.emulator.clickButton({ messageId: reply.id, customId: byLabel(onScreen, 'Share')!.custom_id, user: asker });
    const shared = await finalMessage(press, (message) => message.id !== reply.id);
    expect(shared.embeds?.[0]?.footer?.text).toBe(onScreen.embeds?.[0]?.footer?.text);
    expect(citationAuthors(shared)).toEqual(citationAuthors(onScreen));

    const stranger = await h.emulator.clickButton({ messageId: shared.id, customId: byLabel(shared, 'Prev')!.custom_id, user: member() });
    expect((await finalMessage(stranger, (message) => message.id !== shared.id)).content).toBe(NOT_YOUR_PAGES);
    await (
      await h.emulator.clickButton({ messageId: shared.id, customId: byLabel(shared, 'Prev')!.custom_id, user: asker })
    ).firstResponse();
    expect(h.emulator.message(shared.id)!.embeds?.[0]?.footer?.text).toMatch(/^Page 1 of /u);
    expect(isEphemeral(h.emulator.message(shared.id)!)).toBe(false);
  });

  it('a private answer with nothing to cite can be shared too, without Pin', async () => {
    const asker = member();
    const reply = await command('ask', { question: 'what did the moon landing cost?', private: true }, asker);
    const press = await h.emulator.clickButton({ messageId: reply.id, customId: byLabel(reply, 'Share')!.custom_id, user: asker });
    const shared = await finalMessage(press, (message) => message.id !== reply.id);
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.embeds?.[0]?.description).toBe(reply.embeds?.[0]?.description);
    expect(byLabel(shared, 'Pin')).toBeUndefined();
  });

  it('public answers have no Share button', async () => {
    const reply = await command('country', { name: 'Serbia' }, member());
    expect(byLabel(reply, 'Share')).toBeUndefined();
    expect(byLabel(reply, 'Pin')).toBeDefined();
  });
});

/** A request whose second page (results 6 to 10) the added article changes, found by asking both desks. */
async function changedPageTwo(): Promise<{ name: string; options: Record<string, string>; grownPageTwo: string[] }> {
  const candidates: [string, Record<string, string>][] = [
    ['compare', { topic: 'return hub' }],
    ['compare', { topic: 'minister' }],
    ['compare', { topic: 'host a return hub' }],
  ];
  const pageTwo = async (desk: Desk, name: string, options: Record<string, string>) =>
    (await desk.answer({ command: name, options })).results.slice(5, 10).map((result) => result.outlet);
  for (const [name, options] of candidates) {
    const [before, after] = [await pageTwo(seedDesk, name, options), await pageTwo(grownDesk, name, options)];
    if (before.length > 0 && after.join('|') !== before.join('|')) return { name, options, grownPageTwo: after };
  }
  throw new Error('no candidate request has a second page that the added article changes; pick another');
}

describe('paging without server memory', () => {
  it("logs a page click by its button's kind, not the words its id carries", async () => {
    const asker = member();
    const reply = await command('compare', { topic: 'return hubs' }, asker);
    const next = byLabel(reply, 'Next');
    expect(next?.custom_id).toContain('return hubs');
    await (await h.emulator.clickButton({ messageId: reply.id, customId: next!.custom_id, user: asker })).firstResponse();
    await vi.waitFor(() => expect(h.logs.some((line) => line['kind'] === 'button' && line['user'] === asker.id)).toBe(true));
    const line = h.logs.find((entry) => entry['kind'] === 'button' && entry['user'] === asker.id)!;
    expect(line['command']).toBe('pq');
    expect(JSON.stringify(line)).not.toContain('return hubs');
  });

  it('says so when the coverage changed since the answer, and shows the page from the coverage as it is now', async () => {
    const asker = member();
    const { name, options, grownPageTwo } = await changedPageTwo();
    const reply = await command(name, options, asker);
    serving = grownDesk;
    try {
      const next = byLabel(reply, 'Next')!;
      await (await h.emulator.clickButton({ messageId: reply.id, customId: next.custom_id, user: asker })).firstResponse();
      const turned = h.emulator.message(reply.id)!;
      expect(turned.content).toBe(COVERAGE_CHANGED);
      expect(citationAuthors(turned).map((author) => author.replace(/ \(via .*\)$/u, ''))).toEqual(grownPageTwo);
      // The buttons now carry the new version: turning back says nothing more.
      await (
        await h.emulator.clickButton({ messageId: reply.id, customId: byLabel(turned, 'Prev')!.custom_id, user: asker })
      ).firstResponse();
      expect(h.emulator.message(reply.id)!.content).toBe('');
    } finally {
      serving = seedDesk;
    }
  });

  it('a request too long for a custom id keeps its pages in memory and says so; after a restart the buttons say they expired', async () => {
    const topic =
      'the return hubs that the government plans for failed asylum seekers whose claims and all their appeals have been exhausted';
    const answer = await seedDesk.answer({ command: 'compare', options: { topic } });
    expect(answer.results.length).toBeGreaterThan(5);
    const asker = member();
    const reply = await command('compare', { topic }, asker);
    expect(reply.content).toBe(PAGES_KEPT_IN_MEMORY);
    for (const button of buttons(reply)) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    const next = byLabel(reply, 'Next')!;
    await (await h.emulator.clickButton({ messageId: reply.id, customId: next.custom_id, user: asker })).firstResponse();
    expect(h.emulator.message(reply.id)!.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of /u);

    await h.restart();
    const prev = byLabel(h.emulator.message(reply.id)!, 'Prev')!;
    const click = await h.emulator.clickButton({ messageId: reply.id, customId: prev.custom_id, user: asker });
    const refusal = await finalMessage(click, (message) => message.id !== reply.id);
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toBe(PAGES_EXPIRED);
  });
});
