/**
 * End to end: the real bot (startBot, the real desk from startDesk over corpus/) against the Discord
 * API emulator on 127.0.0.1: gateway, slash commands, autocomplete, buttons, pins, rate limits.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startDesk } from '../../src/desk/start-desk.ts';
import type { Desk } from '../../src/desk/desk.ts';
import type { Answer } from '../../src/answers/model.ts';
import { toDiscordChoices } from '../../src/discord/autocomplete.ts';
import { NOT_YOUR_PAGES } from '../../src/discord/pagination.ts';
import { PIN_MESSAGES } from '../../src/discord/pin.ts';
import { UNKNOWN_BUTTON } from '../../src/discord/interactions.ts';
import { deployCommands } from '../../scripts/deploy-commands.ts';
import { DEFAULT_BOT_PERMISSIONS, Permission } from '../emulator/index.ts';
import type { EmulatedUser } from '../emulator/index.ts';
import { expectMessageWithinLimits } from './support/discord-limits.ts';
import { buttons, finalMessage, isEphemeral, sentMessageBodies, startHarness, visibleTexts } from './support/harness.ts';
import type { Harness } from './support/harness.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

/** A question that makes the test desk fail inside, to exercise the internal-error path. */
const FAILING_QUESTION = 'please fail inside the desk';

let desk: Desk;
let h: Harness;
let userCount = 0;
/** A fresh member for each test, so that one test's commands never count towards another's cooldown. */
const member = (permissions?: bigint): EmulatedUser =>
  h.emulator.addUser({ username: `reader${++userCount}`, ...(permissions === undefined ? {} : { permissions }) });

beforeAll(async () => {
  desk = await startDesk({ corpusDir: SEED_CORPUS_DIR });
  const failing: Desk = {
    answer: (request) =>
      request.options['question'] === FAILING_QUESTION ? Promise.reject(new Error('search index unreadable')) : desk.answer(request),
    complete: (source, text) => desk.complete(source, text),
  };
  h = await startHarness(failing);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

async function ask(name: string, options: Record<string, string | boolean>, user: EmulatedUser = member()): Promise<APIMessage> {
  const interaction = await h.emulator.sendCommand({ name, options, user });
  return finalMessage(interaction);
}

/** The channel's public messages that answer this interaction. */
const publicRepliesTo = (interactionId: string) =>
  h.emulator.channelMessages().filter((message) => message.interaction_metadata?.id === interactionId);

/** The embeds that cite a result: they carry the outlet as author. */
const citations = (message: APIMessage) => (message.embeds ?? []).filter((embed) => embed.author !== undefined);

/** A command whose answer needs more than one page, found by asking the desk itself. */
async function multiPageRequest(): Promise<{ name: string; options: Record<string, string>; answer: Answer }> {
  const candidates: [string, Record<string, string>][] = [
    ['country', { name: 'Serbia' }],
    ['compare', { topic: 'return hubs' }],
    ['quote', { who: 'Starmer' }],
    ['ask', { question: 'return hubs Western Balkans' }],
  ];
  for (const [name, options] of candidates) {
    const answer = await desk.answer({ command: name, options });
    if (answer.results.length > 5) return { name, options, answer };
  }
  throw new Error('no candidate command gives more than five results; pick another for the pagination tests');
}

describe('start-up', () => {
  it('reaches ready over the gateway with the Guilds intent only', () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.user.id).toBe(h.emulator.botUserId);
    expect(h.bot.client.options.intents.bitfield).toBe(1);
    expect(h.logs.some((line) => line['msg'] === 'ready')).toBe(true);
  });

  it('deploy-commands registers every command in one bulk overwrite, to the guild or globally', async () => {
    const printed: string[] = [];
    const guild = await deployCommands(h.config, { print: (line) => printed.push(line) });
    expect(guild.scope).toBe('guild');
    const registered = h.emulator.registeredCommands({ guildId: h.emulator.guildId });
    expect(registered.map((command) => command.name).sort()).toEqual([
      'Check in coverage',
      'ask',
      'compare',
      'country',
      'coverage',
      'help',
      'outlet',
      'overview',
      'quote',
      'sources',
    ]);
    const country = registered.find((command) => command.name === 'country')!;
    expect(country.options).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'name', required: true, autocomplete: true, min_length: 2, max_length: 100 }),
        expect.objectContaining({ name: 'private', type: 5 }),
      ]),
    );
    expect(printed[0]).toMatch(/^Registered 10 commands to server \d+ \(available now\): \/ask, /u);
    expect(printed[0]).toContain('"Check in coverage" (message command)');

    const { guildId: _guild, ...globalConfig } = h.config;
    const global = await deployCommands({ ...globalConfig, token: h.config.token }, { print: () => {} });
    expect(global.scope).toBe('global');
    expect(
      h.emulator
        .registeredCommands()
        .map((command) => command.name)
        .sort(),
    ).toEqual(registered.map((command) => command.name).sort());
    const puts = h.emulator.requests.filter((request) => request.method === 'PUT' && /\/commands$/u.test(request.path));
    expect(puts.every((request) => request.authorized)).toBe(true);
  });
});

describe('commands', () => {
  const cited: [string, Record<string, string>][] = [
    ['ask', { question: 'who ruled out hosting a hub?' }],
    ['country', { name: 'Serbia' }],
    ['quote', { who: 'Osmani' }],
    ['outlet', { name: 'Sky News' }],
    ['compare', { topic: 'small boat crossings' }],
  ];

  it.each(cited)('/%s answers publicly with embeds citing the outlet and linking the source', async (name, options) => {
    const expected = await desk.answer({ command: name, options });
    expect(expected.status).toBe('ok');
    const interaction = await h.emulator.sendCommand({ name, options, user: member() });
    const message = await finalMessage(interaction);
    expect(isEphemeral(message)).toBe(false);
    expect(publicRepliesTo(interaction.id).map((reply) => reply.id)).toEqual([message.id]);
    expectMessageWithinLimits(message);
    const embeds = citations(message);
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds.length).toBe(Math.min(5, expected.results.length));
    embeds.forEach((embed, i) => {
      const result = expected.results[i]!;
      expect(embed.author?.name).toContain(result.outlet);
      expect(embed.url).toBe(new URL(result.url).href);
      expect(embed.title!.length).toBeGreaterThan(0);
      expect(embed.footer?.text).toBe(result.date ?? 'No date printed');
    });
    expect(buttons(message).some((button) => button.custom_id === 'pin')).toBe(true);
  });

  it('/sources lists every article on its first page: outlet, linked headline and date', async () => {
    const expected = await desk.answer({ command: 'sources', options: {} });
    const message = await ask('sources', {});
    expectMessageWithinLimits(message);
    expect(buttons(message).some((button) => /next/i.test(button.label ?? ''))).toBe(false);
    const list = (message.embeds ?? [])
      .slice(1)
      .map((embed) => embed.description ?? '')
      .join('\n');
    const lines = list.split('\n');
    expect(lines.length).toBe(expected.results.length);
    expected.results.forEach((result, i) => {
      expect(lines[i]).toContain(`**${result.outlet}**`);
      expect(lines[i]).toContain(`](${new URL(result.url).href})`);
      expect(lines[i]).toContain(result.date ?? 'no date printed');
    });
  });

  it('searches a question without its mentions and markdown, and echoes it escaped', async () => {
    const question = '@everyone **what** did <@123456789012345678> ||Philp|| say?';
    const message = await ask('ask', { question });
    const plain = await desk.answer({ command: 'ask', options: { question: 'what did Philp say?' } });
    expect(plain.status).toBe('ok');
    const embeds = citations(message);
    expect(embeds.map((embed) => embed.author?.name)).toEqual(plain.results.map((result) => expect.stringContaining(result.outlet)));
    const header = message.embeds![0]!;
    expect(header.title).not.toContain('@everyone');
    expect(header.title).toContain('\\*\\*what\\*\\*');
    expect(message.mention_everyone).toBe(false);
  });

  it('/compare sets differing figures side by side when outlets disagree', async () => {
    const expected = await desk.answer({ command: 'compare', options: { topic: 'small boat crossings' } });
    const message = await ask('compare', { topic: 'small boat crossings' });
    const figures = (message.embeds ?? []).find((embed) => embed.title === 'Figures that differ between outlets');
    if ((expected.figures ?? []).length === 0) expect(figures).toBeUndefined();
    else expect(figures?.fields?.length).toBe(Math.min(25, expected.figures!.length));
  });

  it('/help explains every command', async () => {
    const message = await ask('help', {});
    const text = visibleTexts(message).join('\n').replace(/\\/gu, '');
    for (const name of ['ask', 'country', 'quote', 'outlet', 'compare', 'sources']) expect(text).toContain(`/${name}`);
  });

  it('the private option answers ephemerally, without a Pin button', async () => {
    const interaction = await h.emulator.sendCommand({ name: 'country', options: { name: 'Serbia', private: true }, user: member() });
    const message = await finalMessage(interaction);
    expect(isEphemeral(message)).toBe(true);
    expect(publicRepliesTo(interaction.id)).toEqual([]);
    expect(citations(message).length).toBeGreaterThan(0);
    expect(buttons(message).some((button) => button.custom_id === 'pin')).toBe(false);
  });

  it('logs one structured line per interaction with command, outcome and latency', async () => {
    const user = member();
    await ask('sources', {}, user);
    // The line is written once the reply is out, so it may land just after the message.
    const line = await vi.waitFor(
      () =>
        h.logs.find((entry) => entry['msg'] === 'interaction' && entry['user'] === user.id) ?? Promise.reject(new Error('no log line yet')),
    );
    expect(line).toMatchObject({ kind: 'command', command: 'sources', outcome: 'ok', level: 'info' });
    expect(typeof line!['latencyMs']).toBe('number');
  });
});

describe('autocomplete', () => {
  it.each([
    ['country', 'name', 'place', 'Ser'],
    ['quote', 'who', 'speaker', 'Osm'],
    ['outlet', 'name', 'outlet', 'Sky'],
  ] as const)('/%s %s suggests from the desk, at most 25', async (name, option, source, typed) => {
    const choices = await h.emulator.sendAutocomplete({ name, options: { [option]: typed }, focused: option, user: member() });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toEqual(toDiscordChoices(await desk.complete(source, typed)));
  });

  it('offers suggestions for an empty field', async () => {
    const choices = await h.emulator.sendAutocomplete({ name: 'country', options: { name: '' }, focused: 'name', user: member() });
    expect(choices.length).toBeGreaterThan(0);
  });
});

describe('hostile and long input', () => {
  const hostile = '@everyone @here <@&111111111111111111> <@222222222222222222> **bold** [x](https://evil.example) # hub';

  it('echoes mentions and markdown escaped, and no message the bot sends can ping', async () => {
    const user = member();
    const interaction = await h.emulator.sendCommand({ name: 'ask', options: { question: hostile }, user });
    const message = await finalMessage(interaction);
    const texts = visibleTexts(message);
    expect(texts.join('\n').replace(/[\\\u200b]/gu, '')).toContain('@everyone');
    for (const text of texts) {
      expect(text).not.toContain('@everyone');
      expect(text).not.toContain('@here');
      expect(text).not.toContain('<@&111111111111111111>');
      expect(text).not.toContain('<@222222222222222222>');
      expect(text).not.toMatch(/(?<!\\)\*\*bold/u);
      expect(text).not.toMatch(/(?<!\\)\[x\]\(/u);
    }
    expect(message.mention_everyone ?? false).toBe(false);
    expect(message.mention_roles ?? []).toEqual([]);
    expect(message.mentions ?? []).toEqual([]);
  });

  it('an invalid request is answered privately, with the markup and mentions typed stripped, never pinging', async () => {
    // An aggregator's site names several outlets: which one is meant cannot be told.
    const name = '@everyone **daily8** <@&111111111111111111>';
    const expected = await desk.answer({ command: 'outlet', options: { name } });
    expect(expected.status).toBe('invalid');
    const interaction = await h.emulator.sendCommand({ name: 'outlet', options: { name }, user: member() });
    const reply = await finalMessage(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(publicRepliesTo(interaction.id)).toEqual([]);
    expect(reply.content).toMatch(/^⚠️ /u);
    expect(reply.content).toContain('"daily8" carries several outlets');
    expect(reply.content).not.toContain('@everyone');
    expect(reply.content).not.toContain('<@&111111111111111111>');
    expect(reply.content).not.toMatch(/(?<!\\)\*\*daily8/u);
  });

  it('answers the longest question Discord allows, within every limit', async () => {
    const question = `who ruled out hosting a return hub ${'and why '.repeat(40)}`.slice(0, 300);
    expect(question.length).toBe(300);
    const message = await ask('ask', { question });
    expectMessageWithinLimits(message);
    expect((message.embeds ?? [])[0]?.title?.length).toBeLessThanOrEqual(256);
  });

  it('sent allowed_mentions { parse: [] } with every message (asserted over all recorded requests)', () => {
    const bodies = sentMessageBodies(h.emulator.requests);
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) expect(body['allowed_mentions']).toEqual({ parse: [] });
  });
});

describe('pagination', () => {
  it('Next turns the page for the asker and is refused to anyone else', async () => {
    const { name, options, answer } = await multiPageRequest();
    const asker = member();
    const message = await ask(name, options, asker);
    const pageCount = Math.ceil(answer.results.length / 5);
    expect(message.embeds?.[0]?.footer?.text).toBe(`Page 1 of ${pageCount}`);
    const next = buttons(message).find((button) => button.label?.startsWith('Next'))!;
    const prev = buttons(message).find((button) => button.label?.includes('Prev'))!;
    expect(prev.disabled).toBe(true);

    const stranger = await h.emulator.clickButton({ messageId: message.id, customId: next.custom_id, user: member() });
    const refusal = await finalMessage(stranger, (m) => m.id !== message.id);
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toBe(NOT_YOUR_PAGES);
    expect(h.emulator.message(message.id)?.embeds?.[0]?.footer?.text).toBe(`Page 1 of ${pageCount}`);

    const click = await h.emulator.clickButton({ messageId: message.id, customId: next.custom_id, user: asker });
    await click.firstResponse();
    const turned = h.emulator.message(message.id)!;
    expect(turned.embeds?.[0]?.footer?.text).toBe(`Page 2 of ${pageCount}`);
    expect(citations(turned)[0]?.author?.name).toContain(answer.results[5]!.outlet);
    expectMessageWithinLimits(turned);
    expect(buttons(turned).find((button) => button.label?.includes('Prev'))?.disabled).toBe(false);
  });

  it('Prev/Next keep working after the bot restarts: the buttons carry the request, not a memory key', async () => {
    const { name, options, answer } = await multiPageRequest();
    const asker = member();
    const message = await ask(name, options, asker);
    const next = buttons(message).find((button) => button.label?.startsWith('Next'))!;
    await h.restart();
    const click = await h.emulator.clickButton({ messageId: message.id, customId: next.custom_id, user: asker });
    await click.firstResponse();
    const turned = h.emulator.message(message.id)!;
    expect(turned.embeds?.[0]?.footer?.text).toBe(`Page 2 of ${Math.ceil(answer.results.length / 5)}`);
    expect(citations(turned)[0]?.author?.name).toContain(answer.results[5]!.outlet);
    expect(turned.content ?? '').toBe('');
  });
});

describe('pin', () => {
  async function pinnableAnswer(): Promise<APIMessage> {
    return ask('country', { name: 'Serbia' });
  }

  async function pressPin(message: APIMessage, user: EmulatedUser): Promise<APIMessage> {
    const click = await h.emulator.clickButton({ messageId: message.id, customId: 'pin', user });
    return finalMessage(click, (m) => m.id !== message.id && ((m.flags ?? 0) & (1 << 7)) === 0);
  }

  it('pins the answer for a member with Pin Messages', async () => {
    const message = await pinnableAnswer();
    const reply = await pressPin(message, member(Permission.PinMessages));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(PIN_MESSAGES.pinned);
    expect(h.emulator.pins().map((pinned) => pinned.id)).toContain(message.id);
  });

  it('pins the answer for a member with Manage Messages', async () => {
    const message = await pinnableAnswer();
    const reply = await pressPin(message, member(Permission.ManageMessages));
    expect(reply.content).toBe(PIN_MESSAGES.pinned);
    expect(h.emulator.pins().map((pinned) => pinned.id)).toContain(message.id);
  });

  it('refuses a member without either permission, privately, and pins nothing', async () => {
    const message = await pinnableAnswer();
    const reply = await pressPin(message, member());
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(PIN_MESSAGES.memberLacksPermission);
    expect(h.emulator.pins().map((pinned) => pinned.id)).not.toContain(message.id);
  });

  it('says so when the bot itself lacks the permission (50013)', async () => {
    const message = await pinnableAnswer();
    h.emulator.setBotPermissions(DEFAULT_BOT_PERMISSIONS & ~Permission.PinMessages);
    try {
      const reply = await pressPin(message, member(Permission.PinMessages));
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe(PIN_MESSAGES.botLacksPermission);
    } finally {
      h.emulator.setBotPermissions(DEFAULT_BOT_PERMISSIONS);
    }
    expect(h.emulator.pins().map((pinned) => pinned.id)).not.toContain(message.id);
  });

  it('says so when the pin list is full (30003)', async () => {
    const message = await pinnableAnswer();
    h.emulator.setMaxPins(h.emulator.pins().length);
    try {
      const reply = await pressPin(message, member(Permission.PinMessages));
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe(PIN_MESSAGES.pinListFull);
    } finally {
      h.emulator.setMaxPins(250);
    }
  });
});

describe('robustness', () => {
  it('a 429 on the reply is waited out and the answer still arrives', async () => {
    h.emulator.failNext({ method: 'PATCH', path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/u, status: 429, retryAfterSeconds: 0.3 });
    const message = await ask('country', { name: 'Serbia' });
    expect(citations(message).length).toBeGreaterThan(0);
    const edits = h.emulator.requests.filter((request) => request.method === 'PATCH' && /\/messages\/@original$/u.test(request.path));
    expect(edits.some((request) => request.status === 429)).toBe(true);
  });

  it('a 429 on the first response is waited out too', async () => {
    h.emulator.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/u, status: 429, retryAfterSeconds: 0.3 });
    const message = await ask('help', {});
    expect((message.embeds ?? []).length).toBeGreaterThan(0);
  });

  it('an unexpected error is logged with an id the user also gets, privately, and never the token', async () => {
    const user = member();
    const interaction = await h.emulator.sendCommand({ name: 'ask', options: { question: FAILING_QUESTION }, user });
    const reply = await finalMessage(interaction);
    expect(isEphemeral(reply)).toBe(true);
    const errorId = /Error id: (E-[0-9A-F]{8})/u.exec(reply.content ?? '')?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((line) => line['msg'] === 'interaction failed' && line['errorId'] === errorId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('search index unreadable');
    const line = await vi.waitFor(
      () =>
        h.logs.find((entry) => entry['msg'] === 'interaction' && entry['user'] === user.id) ?? Promise.reject(new Error('no log line yet')),
    );
    expect(line).toMatchObject({ outcome: 'error', errorId });
    // The public "thinking…" placeholder is gone: the error is the only trace, and it is private.
    expect(publicRepliesTo(interaction.id)).toEqual([]);
    expect(h.rawLogs.join('\n')).not.toContain(h.config.token);
  });

  it('a user who sends commands too fast is asked, privately, to wait', async () => {
    const user = member();
    for (let i = 0; i < 4; i++) await ask('help', {}, user);
    const reply = await ask('help', {}, user);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/^You're sending commands quickly\. Please wait \d+ seconds? and try again\.$/u);
  });

  it('a command the bot does not know is answered privately', async () => {
    // Registered with Discord (e.g. by an older deploy) but no longer in commands/.
    const registered = h.emulator.registeredCommands({ guildId: h.emulator.guildId });
    await h.bot.client.rest.put(`/applications/${h.emulator.applicationId}/guilds/${h.emulator.guildId}/commands`, {
      body: [...registered, { name: 'retired', description: 'A command that was removed', type: 1 }],
    });
    const reply = await ask('retired', {});
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain("I don't know the command /retired");
  });

  it('a button the bot no longer understands is answered privately', async () => {
    const posted = (await h.bot.client.rest.post(`/channels/${h.emulator.channelId}/messages`, {
      body: {
        content: 'old message',
        components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Old', custom_id: 'v0:next:1' }] }],
        allowed_mentions: { parse: [] },
      },
    })) as APIMessage;
    const click = await h.emulator.clickButton({ messageId: posted.id, customId: 'v0:next:1', user: member() });
    const reply = await finalMessage(click, (m) => m.id !== posted.id);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(UNKNOWN_BUTTON);
  });
});
