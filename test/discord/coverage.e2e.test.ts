/**
 * End to end: moderators change the coverage from Discord. The bot as `npm start` runs it
 * (startBotFromEnvironment) against the Discord emulator; pages come from a web server on 127.0.0.1
 * and from attachments the emulator serves. After each add, /outlet, /quote and /country answer from
 * the new article; /coverage is hidden from and refused to a member without Manage Server.
 */
import { PermissionFlagsBits } from 'discord.js';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_MANAGE_SERVER } from '../../commands/coverage.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { withRedactedToken } from '../../src/runtime/env.ts';
import { startBotFromEnvironment } from '../../src/discord/start.ts';
import { deployCommands } from '../../scripts/deploy-commands.ts';
import { type DiscordEmulator, type EmulatedUser, startDiscordEmulator } from '../emulator/index.ts';
import { tempCorpus, type TempCorpus } from '../desk/support/temp-corpus.ts';
import { fixturePage, type PageServer, startPageServer } from '../support/page-server.ts';
import { finalMessage, isEphemeral, visibleTexts } from './support/harness.ts';

const VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'LOG_LEVEL',
  'STORY_DESK_ALLOW_PRIVATE_FETCH',
] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

let emulator: DiscordEmulator;
let server: PageServer;
let bot: RunningBot | undefined;
let temp: TempCorpus;
let moderator: EmulatedUser;
let reader: EmulatedUser;

beforeAll(async () => {
  temp = tempCorpus();
  server = await startPageServer();
  emulator = await startDiscordEmulator({ responseDeadlineMs: 10_000 });
  const config = withRedactedToken({
    token: emulator.token,
    clientId: emulator.applicationId,
    guildId: emulator.guildId,
    apiUrl: emulator.apiUrl,
    logLevel: 'warn',
  });
  await deployCommands(config, { print: () => {} });
  Object.assign(process.env, {
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_GUILD_ID: emulator.guildId,
    DISCORD_API_URL: emulator.apiUrl,
    LOG_LEVEL: 'warn',
    // The page server listens on 127.0.0.1.
    STORY_DESK_ALLOW_PRIVATE_FETCH: '1',
  });
  bot = await startBotFromEnvironment(undefined, { corpusDir: temp.corpusDir, cacheDir: temp.cacheDir });
  moderator = emulator.addUser({ username: 'moderator', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages });
  reader = emulator.addUser({ username: 'reader' });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await emulator?.close();
  await server?.close();
  temp?.remove();
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** A fresh moderator for each call, so that the tests' quick succession of commands never meets the per-member cooldown. */
const newModerator = (): EmulatedUser =>
  emulator.addUser({
    username: `moderator${Math.random()}`,
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
  });

async function coverage(subcommand: 'add' | 'remove', options: Record<string, string>, user = newModerator()) {
  const interaction = await emulator.sendCommand({ name: 'coverage', subcommand, options, user });
  // Adding reads, cleans and analyses the page and swaps in a new index before it replies.
  const message = await interaction.waitForMessage((m) => ((m.flags ?? 0) & (1 << 7)) === 0, 45_000);
  return { ephemeral: isEphemeral(message), text: visibleTexts(message).join('\n') };
}

async function ask(name: string, options: Record<string, string>): Promise<string> {
  const interaction = await emulator.sendCommand({ name, options, user: emulator.addUser({ username: `reader${Math.random()}` }) });
  return visibleTexts(await finalMessage(interaction)).join('\n');
}

describe('/coverage', () => {
  it('add with a URL: replies privately with the summary; /outlet, /quote and /country answer from the article', async () => {
    const reply = await coverage('add', { url: server.url('/ledger') });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('Added "the-northern-ledger"');
    expect(reply.text).toContain('Danilo Vukovic');
    expect(await ask('outlet', { name: 'The Northern Ledger' })).toContain('Montenegro has received no request');
    expect(await ask('quote', { who: 'Vukovic' })).toContain('Nobody from London has asked us anything');
    expect(await ask('country', { name: 'Montenegro' })).toContain('The Northern Ledger');
  }, 60_000);

  it('add with an attached text file and options', async () => {
    const file = emulator.addAttachment({
      filename: 'harbour-gazette.txt',
      contentType: 'text/plain; charset=utf-8',
      content: fixturePage('harbour-gazette.txt'),
    });
    const reply = await coverage('add', { file, outlet: 'The Harbour Gazette', url: 'https://harbourgazette.example/news/ports-alert' });
    expect(reply.text).toContain('Added "the-harbour-gazette"');
    expect(await ask('outlet', { name: 'The Harbour Gazette' })).toContain('Port authorities on the Adriatic coast');
    expect(await ask('quote', { who: 'Marko Tadic' })).toContain('Our job is to watch the sea');
    expect(await ask('country', { name: 'Croatia' })).toContain('The Harbour Gazette');
  }, 60_000);

  it('refuses a bad page with the problem and the fix, and changes nothing', async () => {
    const before = readdirSync(temp.corpusDir).sort();
    const wrongType = await coverage('add', { url: server.url('/report.pdf') });
    expect(wrongType.text).toContain('application/pdf, not a web page or text');
    const pdf = emulator.addAttachment({ filename: 'report.pdf', contentType: 'application/pdf', content: '%PDF' });
    expect((await coverage('add', { file: pdf })).text).toContain('neither a web page');
    expect((await coverage('add', {})).text).toContain('fill in "url"');
    expect(readdirSync(temp.corpusDir).sort()).toEqual(before);
  }, 60_000);

  it('remove autocompletes article ids and takes the article out of the answers', async () => {
    const choices = await emulator.sendAutocomplete({
      name: 'coverage',
      subcommand: 'remove',
      options: { article: 'harbour' },
      focused: 'article',
      user: moderator,
    });
    expect(choices.map((choice) => choice.value)).toContain('the-harbour-gazette');
    const reply = await coverage('remove', { article: 'the-harbour-gazette' });
    expect(reply.text).toContain('Removed "the-harbour-gazette"');
    expect(await ask('outlet', { name: 'The Harbour Gazette' })).not.toContain('Port authorities');
  }, 60_000);

  it('is hidden from a member without Manage Server, and refused by the bot when a server setting shows it anyway', async () => {
    await expect(
      emulator.sendCommand({ name: 'coverage', subcommand: 'remove', options: { article: 'gb-news' }, user: reader }),
    ).rejects.toThrow(/needs permissions/);
    const interaction = await emulator.sendCommand({
      name: 'coverage',
      subcommand: 'remove',
      options: { article: 'gb-news' },
      user: reader,
      permissionOverride: true,
    });
    const message = await finalMessage(interaction);
    expect(isEphemeral(message)).toBe(true);
    expect(visibleTexts(message).join('\n')).toContain(NEEDS_MANAGE_SERVER);
    expect(await ask('outlet', { name: 'GB News' })).toContain('GB News');
  }, 60_000);
});
