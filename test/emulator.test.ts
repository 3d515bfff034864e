// Proves the Discord emulator with a bare discord.js client (not the project's bot): login, command
// registration, replies, deferrals, autocomplete, buttons, Discord's limits and errors, rate limits, pins.
import { once } from 'node:events';
import { createInflate, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type Interaction,
} from 'discord.js';
import {
  allowedMentionsOf,
  CloseCode,
  Permission,
  startDiscordEmulator,
  type DiscordEmulator,
  type EmulatedUser,
} from './emulator/index.ts';

const guildCommands = [
  {
    name: 'ask',
    description: 'Ask about the story',
    options: [{ type: 3, name: 'query', description: 'Your question', required: true, max_length: 200, autocomplete: true }],
  },
  { name: 'story', description: 'Show the story with a button' },
];
const globalCommands = [{ name: 'help', description: 'What this bot can do' }];

/** One-shot handlers for the next interaction with a given key, and a promise for what they did. */
class Handlers {
  private readonly pending = new Map<string, (interaction: Interaction) => Promise<void>>();

  next<T>(key: string, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(key, async (interaction) => {
        try {
          resolve(await handler(interaction));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  dispatch(interaction: Interaction): void {
    const key = interaction.isAutocomplete()
      ? `autocomplete:${interaction.commandName}`
      : interaction.isChatInputCommand()
        ? interaction.commandName
        : interaction.isButton()
          ? interaction.customId
          : 'other';
    const handler = this.pending.get(key);
    this.pending.delete(key);
    void handler?.(interaction);
  }
}

const apiErrorOf = (error: unknown): DiscordAPIError => {
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
};

describe('Discord emulator with a bare discord.js client', () => {
  let emu: DiscordEmulator;
  let client: Client;
  let rest: REST;
  let reader: EmulatedUser;
  const handlers = new Handlers();

  beforeAll(async () => {
    emu = await startDiscordEmulator();
    reader = emu.addUser({ username: 'reader' });
    rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => handlers.dispatch(interaction));
    const ready = once(client, Events.ClientReady);
    await client.login(emu.token);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  it('logs the client in: READY, then the guild with its channel and the bot as a member', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(emu.botUserId);
    expect(client.application?.id).toBe(emu.applicationId);
    const guild = client.guilds.cache.get(emu.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(emu.channelId)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.PinMessages)).toBe(true);
    expect(emu.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(emu.requests.every((r) => r.status !== 401)).toBe(true);
  });

  it('rejects a wrong token on REST with 401, and discord.js reports an invalid token', async () => {
    const stranger = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    await expect(stranger.login('not-the-token')).rejects.toThrow(/invalid token/i);
    await stranger.destroy();
    const wrong = new REST({ api: emu.apiUrl }).setToken('not-the-token');
    const error = apiErrorOf(await wrong.get(Routes.user('@me')).catch((e: unknown) => e));
    expect(error.status).toBe(401);
  });

  it('registers guild and global commands in bulk, keeps ids on overwrite, and rejects invalid names with 50035', async () => {
    const created = (await rest.put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), { body: guildCommands })) as {
      id: string;
      name: string;
      guild_id: string;
    }[];
    expect(created.map((c) => c.name)).toEqual(['ask', 'story']);
    expect(created.every((c) => /^\d{17,20}$/.test(c.id) && c.guild_id === emu.guildId)).toBe(true);
    await rest.put(Routes.applicationCommands(emu.applicationId), { body: globalCommands });
    expect(emu.registeredCommands().map((c) => c.name)).toEqual(['help']);
    expect(emu.registeredCommands({ guildId: emu.guildId }).map((c) => c.name)).toEqual(['ask', 'story']);

    const again = (await rest.put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), { body: guildCommands })) as {
      id: string;
    }[];
    expect(again.map((c) => c.id)).toEqual(created.map((c) => c.id));

    const bad = [{ name: 'Bad Name', description: 'x'.repeat(101) }];
    const error = apiErrorOf(await rest.put(Routes.applicationCommands(emu.applicationId), { body: bad }).catch((e: unknown) => e));
    expect(error.code).toBe(50035);
    expect(JSON.stringify(error.rawError)).toContain('APPLICATION_COMMAND_INVALID_NAME');
    expect(JSON.stringify(error.rawError)).toContain('BASE_TYPE_BAD_LENGTH');
    expect(emu.registeredCommands().map((c) => c.name)).toEqual(['help']);
  });

  it('delivers a command with its options and stores an embed reply sent with allowed mentions empty', async () => {
    const seen = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      const query = interaction.options.getString('query', true);
      await interaction.reply({
        embeds: [{ title: 'Return hubs', description: `You asked: ${query}`, url: 'https://example.org/story' }],
        allowedMentions: { parse: [] },
      });
      return { query, member: interaction.member?.user.id, appPermissions: interaction.appPermissions.bitfield };
    });
    const interaction = await emu.sendCommand({
      name: 'ask',
      options: { query: 'who said @everyone <@' + reader.id + '>?' },
      user: reader,
    });
    const first = await interaction.firstResponse();
    const handled = await seen;

    expect(first.type).toBe(4);
    expect(handled.member).toBe(reader.id);
    expect(handled.query).toContain('@everyone');
    expect(handled.appPermissions & PermissionFlagsBits.PinMessages).toBe(PermissionFlagsBits.PinMessages);
    const [message] = interaction.messages();
    expect(message?.embeds[0]?.title).toBe('Return hubs');
    expect(message?.embeds[0]?.description).toContain('@everyone');
    expect(allowedMentionsOf(message!)).toEqual({ parse: [] });
    expect(message?.mention_everyone).toBe(false);
    expect(emu.channelMessages().map((m) => m.id)).toContain(message?.id);
    const callback = emu.requests.find((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback?.query.with_response).toBe('false');
    expect(callback?.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
  });

  it('shows a deferred reply as loading until editReply fills it', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const done = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await released;
      await interaction.editReply({ content: 'Here is what the outlets said.' });
    });
    const interaction = await emu.sendCommand({ name: 'ask', options: { query: 'Serbia' }, user: reader });
    expect((await interaction.firstResponse()).type).toBe(5);
    const loading = await interaction.waitForMessage(() => true);
    expect(loading.flags! & MessageFlags.Loading).toBe(MessageFlags.Loading);
    release();
    await done;
    const final = await interaction.waitForMessage();
    expect(final.content).toBe('Here is what the outlets said.');
    expect(final.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(emu.channelMessages().some((m) => m.id === final.id)).toBe(false);
  });

  it('answers autocomplete with choices, and rejects 26 choices with 50035', async () => {
    const typed = handlers.next('autocomplete:ask', async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([
        { name: 'Serbia', value: 'serbia' },
        { name: 'Albania', value: 'albania' },
      ]);
      return focused;
    });
    const choices = await emu.sendAutocomplete({ name: 'ask', options: { query: 'Ser' }, focused: 'query', user: reader });
    expect(choices).toEqual([
      { name: 'Serbia', value: 'serbia' },
      { name: 'Albania', value: 'albania' },
    ]);
    expect(await typed).toMatchObject({ name: 'query', value: 'Ser', focused: true });

    emu.setResponseDeadlineMs(300);
    const tooMany = handlers.next('autocomplete:ask', async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      return interaction.respond(Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `c${i}` }))).catch((e: unknown) => e);
    });
    const unanswered = emu.sendAutocomplete({ name: 'ask', options: { query: '' }, focused: 'query', user: reader });
    emu.setResponseDeadlineMs(3000);
    await expect(unanswered).rejects.toThrow(/no response/);
    expect(apiErrorOf(await tooMany).code).toBe(50035);
  });

  it('delivers a button click on a reply and applies the update to that message', async () => {
    const replied = handlers.next('story', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({
        content: 'Page 1 of 2',
        components: [{ type: 1, components: [{ type: 2, style: ButtonStyle.Primary, label: 'Next', custom_id: 'page:2' }] }],
        allowedMentions: { parse: [] },
      });
    });
    const command = await emu.sendCommand({ name: 'story', user: reader });
    await replied;
    const [message] = command.messages();
    const updated = handlers.next('page:2', async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      await interaction.update({ content: 'Page 2 of 2', components: [] });
      return interaction.message.id;
    });
    const click = await emu.clickButton({ messageId: message!.id, customId: 'page:2', user: reader });
    expect((await click.firstResponse()).type).toBe(7);
    expect(await updated).toBe(message!.id);
    expect(emu.message(message!.id)).toMatchObject({ content: 'Page 2 of 2', components: [] });
    await expect(emu.clickButton({ messageId: message!.id, customId: 'page:2', user: reader })).rejects.toThrow(/no button/);
  });

  it('rejects 2,001 characters of content with 50035 and accepts 2,000', async () => {
    const failed = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      return interaction.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => e);
    });
    await emu.sendCommand({ name: 'ask', options: { query: 'long' }, user: reader });
    const error = apiErrorOf(await failed);
    expect(error.code).toBe(50035);
    expect(error.status).toBe(400);
    expect((error.rawError as { errors?: unknown }).errors).toEqual({
      data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });

    const fits = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({ content: 'x'.repeat(2000) });
    });
    const interaction = await emu.sendCommand({ name: 'ask', options: { query: 'long' }, user: reader });
    await fits;
    expect(interaction.messages()[0]?.content).toHaveLength(2000);
  });

  it('applies embed and component limits to follow-ups', async () => {
    const results = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply();
      await interaction.editReply('ok');
      const attempt = (body: object) =>
        client.rest
          .post(Routes.webhook(interaction.applicationId, interaction.token), {
            body,
            auth: false,
            query: new URLSearchParams({ wait: 'true' }),
          })
          .then(
            () => 'accepted',
            (e: unknown) => e,
          );
      const button = (i: number) => ({ type: 2, style: 1, label: `b${i}`, custom_id: `b${i}` });
      return {
        title: await attempt({ embeds: [{ title: 't'.repeat(257) }] }),
        total: await attempt({ embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(1905) }] }),
        eleven: await attempt({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) }),
        fields: await attempt({ embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] }),
        buttons: await attempt({ content: 'x', components: [{ type: 1, components: [0, 1, 2, 3, 4, 5].map(button) }] }),
        label: await attempt({ content: 'x', components: [{ type: 1, components: [{ ...button(0), label: 'l'.repeat(81) }] }] }),
        customId: await attempt({ content: 'x', components: [{ type: 1, components: [{ ...button(0), custom_id: 'c'.repeat(101) }] }] }),
        rows: await attempt({ content: 'x', components: Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [button(i)] })) }),
        empty: await attempt({ content: '' }),
        fine: await attempt({ content: 'x', embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096) }] }),
      };
    });
    await emu.sendCommand({ name: 'ask', options: { query: 'limits' }, user: reader });
    const r = await results;
    const detail = (value: unknown) => JSON.stringify(apiErrorOf(value).rawError);
    expect(detail(r.title)).toContain('"embeds":{"0":{"title"');
    expect(detail(r.total)).toContain('MAX_EMBED_SIZE_EXCEEDED');
    expect(detail(r.eleven)).toContain('Must be 10 or fewer in length.');
    expect(detail(r.fields)).toContain('"fields":{"0":{"value"');
    expect(detail(r.buttons)).toContain('"components":{"0":{"components"');
    expect(detail(r.label)).toContain('Must be 80 or fewer in length.');
    expect(detail(r.customId)).toContain('custom_id');
    expect(detail(r.rows)).toContain('Must be 5 or fewer in length.');
    expect(apiErrorOf(r.empty).code).toBe(50006);
    expect(r.fine).toBe('accepted');
  });

  it('answers a second callback for the same interaction with 40060', async () => {
    const second = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({ content: 'first' });
      // discord.js refuses a second reply() itself; a second process or handler would post this.
      return client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((e: unknown) => e);
    });
    await emu.sendCommand({ name: 'ask', options: { query: 'twice' }, user: reader });
    const error = apiErrorOf(await second);
    expect(error.code).toBe(40060);
    expect(error.message).toBe('Interaction has already been acknowledged.');
  });

  it('answers a first response after the deadline with 10062 Unknown interaction', async () => {
    emu.setResponseDeadlineMs(200);
    let tooLate!: () => void;
    const deadlinePassed = new Promise<void>((resolve) => (tooLate = resolve));
    const late = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await deadlinePassed;
      return interaction.reply({ content: 'finally' }).catch((e: unknown) => e);
    });
    const interaction = await emu.sendCommand({ name: 'ask', options: { query: 'slow' }, user: reader });
    emu.setResponseDeadlineMs(3000);
    await expect(interaction.firstResponse()).rejects.toThrow(/no response within 200 ms/);
    tooLate();
    const error = apiErrorOf(await late);
    expect(error.code).toBe(10062);
    expect(error.status).toBe(404);
    expect(interaction.messages()).toEqual([]);
  });

  it('answers a reply with 429 and retry-after once; discord.js waits and retries successfully', async () => {
    emu.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 429, retryAfterSeconds: 0.2 });
    const replied = handlers.next('ask', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({ content: 'after the rate limit' });
    });
    const interaction = await emu.sendCommand({ name: 'ask', options: { query: 'busy' }, user: reader });
    await replied;
    const attempts = emu.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    // The retry honoured Retry-After (a lower bound, so not flaky).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(190);
    expect(interaction.messages()[0]?.content).toBe('after the rate limit');
  });

  describe('pins', () => {
    /** Posts a public reply with a Pin button; the button handler pins it and reports the outcome. */
    const pinAttempt = async () => {
      const replied = handlers.next('story', async (interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('not a command');
        await interaction.reply({
          content: 'A sourced answer',
          components: [{ type: 1, components: [{ type: 2, style: ButtonStyle.Secondary, label: 'Pin', custom_id: 'pin' }] }],
        });
      });
      const command = await emu.sendCommand({ name: 'story', user: reader });
      await replied;
      const messageId = command.messages()[0]!.id;
      const outcome = handlers.next('pin', async (interaction) => {
        if (!interaction.isButton()) throw new Error('not a button');
        const canPin = interaction.appPermissions.any([PermissionFlagsBits.PinMessages, PermissionFlagsBits.ManageMessages]);
        try {
          await interaction.message.pin();
          await interaction.reply({ content: 'Pinned.', flags: MessageFlags.Ephemeral });
          return { code: 0, canPin };
        } catch (error) {
          await interaction.reply({ content: 'Could not pin.', flags: MessageFlags.Ephemeral });
          return { code: apiErrorOf(error).code as number, canPin };
        }
      });
      await emu.clickButton({ messageId, customId: 'pin', user: reader });
      return { messageId, ...(await outcome) };
    };

    it('pins through PUT /channels/{id}/messages/pins/{id} and tells the client', async () => {
      const pinsUpdated = once(client, Events.ChannelPinsUpdate);
      const { messageId, code, canPin } = await pinAttempt();
      expect({ code, canPin }).toEqual({ code: 0, canPin: true });
      expect(emu.pins().map((m) => m.id)).toContain(messageId);
      expect(emu.message(messageId)?.pinned).toBe(true);
      expect(
        emu.requests.some(
          (r) => r.method === 'PUT' && r.path === `/channels/${emu.channelId}/messages/pins/${messageId}` && r.status === 204,
        ),
      ).toBe(true);
      await pinsUpdated;
      expect(emu.channelMessages().some((m) => m.type === 6 && m.message_reference?.message_id === messageId)).toBe(true);
      const listed = (await rest.get(Routes.channelMessagesPins(emu.channelId))) as { items: { message: { id: string } }[] };
      expect(listed.items.map((item) => item.message.id)).toContain(messageId);
    });

    it('refuses with 50013 when the bot lacks Pin Messages and Manage Messages', async () => {
      emu.setBotPermissions(Permission.ViewChannel | Permission.SendMessages | Permission.ReadMessageHistory);
      try {
        await emu.waitFor(
          () => client.guilds.cache.get(emu.guildId)?.members.me?.permissions.has(PermissionFlagsBits.PinMessages) === false,
          {
            what: 'the client to learn of the role update',
          },
        );
        const { messageId, code, canPin } = await pinAttempt();
        expect({ code, canPin }).toEqual({ code: 50013, canPin: false });
        expect(emu.pins().map((m) => m.id)).not.toContain(messageId);
      } finally {
        emu.setBotPermissions(
          Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks | Permission.ReadMessageHistory | Permission.PinMessages,
        );
      }
    });

    it('refuses with 30003 when the channel is at the pin limit', async () => {
      emu.setMaxPins(emu.pins().length);
      try {
        const { messageId, code } = await pinAttempt();
        expect(code).toBe(30003);
        expect(emu.message(messageId)?.pinned).toBe(false);
      } finally {
        emu.setMaxPins(50);
      }
    });
  });
});

describe('Discord emulator gateway', () => {
  it('acknowledges heartbeats at the interval HELLO announced', async () => {
    const emu = await startDiscordEmulator({ heartbeatIntervalMs: 100 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    try {
      await client.login(emu.token);
      await emu.waitFor(() => emu.gatewayOps.filter((op) => op.op === 1).length >= 2, { what: 'two heartbeats' });
      await emu.waitFor(() => client.ws.ping >= 0, { what: 'a heartbeat ACK' });
    } finally {
      await client.destroy();
      await emu.close();
    }
  });

  it('lets a dropped client resume its session and keeps delivering interactions', async () => {
    const emu = await startDiscordEmulator();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    try {
      await client.login(emu.token);
      await new REST({ api: emu.apiUrl })
        .setToken(emu.token)
        .put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), { body: guildCommands });
      const resumed = once(client, Events.ShardResume);
      emu.disconnectClients(4000);
      await resumed;
      expect(emu.gatewayOps.filter((op) => op.op === 2)).toHaveLength(1);
      expect(emu.gatewayOps.filter((op) => op.op === 6)).toHaveLength(1);
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply({ content: 'still here' });
      });
      const interaction = await emu.sendCommand({ name: 'story', user: emu.addUser({ username: 'late-reader' }) });
      expect((await interaction.firstResponse()).data).toMatchObject({ content: 'still here' });
    } finally {
      await client.destroy();
      await emu.close();
    }
  });

  it('refuses to send what Discord would never deliver', async () => {
    const emu = await startDiscordEmulator();
    try {
      const user = emu.addUser({ username: 'u' });
      await expect(emu.sendCommand({ name: 'ask', options: { query: 'x' }, user })).rejects.toThrow(/not registered/);
      await new REST({ api: emu.apiUrl })
        .setToken(emu.token)
        .put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), { body: guildCommands });
      await expect(emu.sendCommand({ name: 'ask', user })).rejects.toThrow(/required option\(s\) query/);
      await expect(emu.sendCommand({ name: 'ask', options: { query: 'q'.repeat(201) }, user })).rejects.toThrow(/max_length 200/);
      await expect(emu.sendCommand({ name: 'ask', options: { query: 'x' }, user })).rejects.toThrow(/no gateway session/);
    } finally {
      await emu.close();
    }
  });

  it('closes with 4004 on a wrong token and speaks zlib-stream when asked', async () => {
    const emu = await startDiscordEmulator();
    try {
      const url = `${emu.gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`;
      const socket = new WebSocket(url);
      const inflate = createInflate();
      const received: { op: number; t?: string | null; d?: unknown }[] = [];
      let text = '';
      inflate.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      socket.on('message', (data: Buffer) => {
        inflate.write(data);
        inflate.flush(() => {
          received.push(JSON.parse(text) as { op: number });
          text = '';
        });
      });
      await emu.waitFor(() => received.find((p) => p.op === 10), { what: 'HELLO' });
      socket.send(
        JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } } }),
      );
      const ready = await emu.waitFor(() => received.find((p) => p.t === 'READY'), { what: 'READY' });
      expect(ready.d).toMatchObject({ application: { id: emu.applicationId }, guilds: [{ id: emu.guildId, unavailable: true }] });
      await emu.waitFor(() => received.find((p) => p.t === 'GUILD_CREATE'), { what: 'GUILD_CREATE' });
      socket.close(1000);
      inflate.close();

      const intruder = new WebSocket(`${emu.gatewayUrl}/?v=10&encoding=json`);
      const closed = once(intruder, 'close');
      intruder.on('message', () => intruder.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } })));
      const [code] = (await closed) as [number];
      expect(code).toBe(CloseCode.AuthenticationFailed);

      // Identify compression: dispatches arrive as separately deflated binary frames.
      const compact = new WebSocket(`${emu.gatewayUrl}/?v=10&encoding=json`);
      const frames: { op: number; t?: string }[] = [];
      compact.on('message', (data: Buffer, isBinary: boolean) => {
        const payload = JSON.parse(isBinary ? inflateSync(data).toString('utf8') : data.toString('utf8')) as { op: number; t?: string };
        frames.push(payload);
        if (payload.op === 10) compact.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, compress: true, properties: {} } }));
      });
      await emu.waitFor(() => frames.find((p) => p.t === 'GUILD_CREATE'), { what: 'a compressed GUILD_CREATE' });
      compact.close(1000);

      const greedy = new WebSocket(`${emu.gatewayUrl}/?v=10&encoding=json`);
      const refused = once(greedy, 'close');
      greedy.on('message', () => greedy.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1 | (1 << 15), properties: {} } })));
      expect(((await refused) as [number])[0]).toBe(CloseCode.DisallowedIntents);
    } finally {
      await emu.close();
    }
  });
});
