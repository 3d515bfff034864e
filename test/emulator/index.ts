// A Discord API emulator for offline end-to-end tests: REST under http://127.0.0.1:<port>/api/v10 and
// the gateway on ws://127.0.0.1:<port>. See README.md in this folder.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { APIApplicationCommand, APIApplicationCommandOptionChoice, APIMessage } from 'discord.js';
import { EmulatorState, type EmulatedUser } from './state.ts';
import { Gateway, type ReceivedOp } from './gateway.ts';
import { Router } from './router.ts';
import { FaultInjector, type FaultRule } from './faults.ts';
import { startHttpServer, type RecordedRequest } from './http-server.ts';
import { metaRoutes } from './routes-meta.ts';
import { commandRoutes } from './routes-commands.ts';
import { interactionRoutes, CallbackType } from './routes-interactions.ts';
import { channelRoutes } from './routes-channels.ts';
import { attachmentBytes, createMessage, MessageType } from './messages.ts';
import { EmulatedInteraction } from './interactions.ts';
import { buttonPayload, commandPayload, messageCommandPayload } from './interaction-payloads.ts';
import { resolveOptions, type OptionValue } from './interaction-options.ts';
import { waitForState } from './wait.ts';
import { hasPermission } from './permissions.ts';
import type { RouteEnv } from './route-env.ts';

export { Permission, ALL_PERMISSIONS, EVERYONE_PERMISSIONS, DEFAULT_BOT_PERMISSIONS } from './permissions.ts';
export { Limits, MessageFlag } from './limits.ts';
export { CallbackType } from './routes-interactions.ts';
export { CloseCode } from './gateway.ts';
export { NoResponseError, EmulatedInteraction } from './interactions.ts';
export { allowedMentionsOf } from './messages.ts';
export type { InteractionResponse } from './interactions.ts';
export type { RecordedRequest } from './http-server.ts';
export type { FaultRule } from './faults.ts';
export type { EmulatedUser } from './state.ts';
export type { ReceivedOp } from './gateway.ts';

export interface EmulatorOptions {
  /** The bot token clients must present; random by default. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Discord gives 3,000 ms for the first response; lower it to test late replies quickly. */
  responseDeadlineMs?: number;
  /** HELLO's heartbeat_interval; Discord sends about 41,250 ms. */
  heartbeatIntervalMs?: number;
  /** Shards GET /gateway/bot recommends; default 1. */
  shardCount?: number;
  /** Privileged intent bits the application may use; default none. */
  privilegedIntents?: number;
}

export interface CommandInput {
  name: string;
  /** Option values by name; checked against the registered command like Discord's client does. */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
  user: EmulatedUser;
  channelId?: string;
  /**
   * The server's Integrations settings let this member use the command although they lack its
   * default_member_permissions: Discord then shows and sends it, and only the bot's own check stands.
   */
  permissionOverride?: boolean;
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed in; its text is options[focused]. */
  focused: string;
}

export interface MessageCommandInput {
  /** The message command's name as registered, e.g. "Check in coverage". */
  name: string;
  /** The message it is run on (right-click → Apps). */
  targetMessageId: string;
  user: EmulatedUser;
}

export interface ButtonInput {
  messageId: string;
  customId: string;
  user: EmulatedUser;
}

export interface DiscordEmulator {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly botUserId: string;
  /** Every REST request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Every gateway op clients sent. */
  readonly gatewayOps: readonly ReceivedOp[];
  addUser(options: { username: string; globalName?: string; permissions?: bigint; locale?: string }): EmulatedUser;
  addChannel(name: string): string;
  /** A file a user attaches to a command option; returns its id, the option's value. Served on the emulator's origin. */
  addAttachment(file: { filename: string; contentType: string; content: string | Buffer }): string;
  setBotPermissions(permissions: bigint): void;
  setMaxPins(max: number): void;
  /** Changes the first-response deadline for interactions sent from now on. */
  setResponseDeadlineMs(ms: number): void;
  sendCommand(input: CommandInput): Promise<EmulatedInteraction>;
  sendAutocomplete(input: AutocompleteInput): Promise<APIApplicationCommandOptionChoice[]>;
  /** A member's own message in a channel (what message commands are run on). */
  postMessage(input: { user: EmulatedUser; content: string; channelId?: string }): APIMessage;
  /** Runs a message command (type 3) on a message, as picking it from the message's Apps menu does. */
  sendMessageCommand(input: MessageCommandInput): Promise<EmulatedInteraction>;
  clickButton(input: ButtonInput): Promise<EmulatedInteraction>;
  registeredCommands(options?: { guildId?: string }): APIApplicationCommand[];
  /** Non-ephemeral messages of a channel, oldest first (pin notices included, as on Discord). */
  channelMessages(channelId?: string): APIMessage[];
  message(messageId: string): APIMessage | undefined;
  /** The bytes the bot uploaded as a message's attachment `filename` (multipart requests). */
  attachmentData(messageId: string, filename: string): Buffer | undefined;
  pins(channelId?: string): APIMessage[];
  failNext(rule: FaultRule): void;
  waitFor<T>(check: () => T | undefined | null | false, options?: { timeoutMs?: number; what?: string }): Promise<T>;
  /** Closes every gateway connection with this code (4000: clients resume; 1000: they reconnect anew). */
  disconnectClients(code: number): void;
  close(): Promise<void>;
}

export async function startDiscordEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const token =
    options.token ??
    `${Buffer.from(randomBytes(9).toString('hex')).toString('base64url')}.emulated.${randomBytes(20).toString('base64url')}`;
  const state = new EmulatorState({
    token,
    botUsername: options.botUsername ?? 'story-desk',
    ...(options.applicationId ? { applicationId: options.applicationId } : {}),
  });
  const { applicationId } = state;
  let deadlineMs = options.responseDeadlineMs ?? 3000;
  const shardCount = options.shardCount ?? 1;
  const gateway = new Gateway(state, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    shardCount,
    privilegedIntents: options.privilegedIntents ?? 0,
  });
  const interactions = new Map<string, EmulatedInteraction>();
  const requests: RecordedRequest[] = [];
  const faults = new FaultInjector();
  const env: RouteEnv = { state, interactions, gatewayUrl: () => gateway.url, shardCount };
  const router = new Router();
  router.add([...metaRoutes(env), ...commandRoutes(env), ...interactionRoutes(env), ...channelRoutes(env)]);
  const { server, port } = await startHttpServer({
    router,
    faults,
    token,
    requests,
    onUpgrade: (request, socket, head) => gateway.handleUpgrade(request, socket, head),
    file: (path) => {
      const [, kind, id] = path.split('/');
      const attachment = kind === 'attachments' && id ? state.attachments.get(id) : undefined;
      return attachment ? { contentType: attachment.contentType, bytes: attachment.bytes } : undefined;
    },
  });
  state.origin = `http://127.0.0.1:${port}`;
  gateway.url = `ws://127.0.0.1:${port}`;
  const defaultChannelId = [...state.channels.keys()][0] ?? '';

  const deliver = async (payload: EmulatedInteraction['payload'], sourceMessageId?: string): Promise<EmulatedInteraction> => {
    const interaction = new EmulatedInteraction(state, payload, deadlineMs, sourceMessageId);
    interactions.set(interaction.id, interaction);
    const delivered = await gateway.dispatch({ t: 'INTERACTION_CREATE', d: payload, guildId: state.guildId });
    if (delivered === 0) {
      interaction.dispose();
      interactions.delete(interaction.id);
      throw new Error('no gateway session holds the guild: log a discord.js client in and wait for its ready event first');
    }
    return interaction;
  };

  const commandFor = (input: CommandInput) => {
    const command = state.findCommand(input.name);
    if (!command) {
      throw new Error(
        `/${input.name} is not registered, so Discord would not offer it: register it first (PUT /applications/${applicationId}/guilds/${state.guildId}/commands)`,
      );
    }
    const needed = command.default_member_permissions;
    if (
      !input.permissionOverride &&
      needed !== null &&
      needed !== undefined &&
      !hasPermission(state.permissionsOf(input.user.id), BigInt(needed))
    ) {
      throw new Error(
        `/${input.name} needs permissions ${needed} (default_member_permissions); Discord hides it from ${input.user.username}`,
      );
    }
    return command;
  };

  const emulator: DiscordEmulator = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gateway.url,
    token,
    applicationId,
    guildId: state.guildId,
    channelId: defaultChannelId,
    botUserId: state.botUser.id,
    requests,
    gatewayOps: gateway.received,
    addUser: (userOptions) => state.addUser(userOptions),
    addChannel: (name) => state.addChannel(name).id,
    addAttachment: (file) => {
      const id = state.ids.next();
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      state.attachments.set(id, { id, filename: file.filename, contentType: file.contentType, bytes });
      return id;
    },
    setBotPermissions: (permissions) => state.setBotPermissions(permissions),
    setMaxPins: (max) => {
      if (!Number.isInteger(max) || max < 0) throw new Error(`setMaxPins needs a whole number >= 0, got ${max}`);
      state.maxPins = max;
    },

    setResponseDeadlineMs: (ms) => {
      if (!Number.isFinite(ms) || ms <= 0) throw new Error(`setResponseDeadlineMs needs a positive number of milliseconds, got ${ms}`);
      deadlineMs = ms;
    },

    async sendCommand(input) {
      const command = commandFor(input);
      const { options: resolvedOptions, resolved } = resolveOptions(state, command, input);
      const id = state.ids.next();
      const context = { userId: input.user.id, channelId: input.channelId ?? defaultChannelId };
      return deliver(commandPayload(state, id, command, resolvedOptions, resolved, context, false));
    },

    async sendAutocomplete(input) {
      const command = commandFor(input);
      const { options: resolvedOptions } = resolveOptions(state, command, input);
      const id = state.ids.next();
      const context = { userId: input.user.id, channelId: input.channelId ?? defaultChannelId };
      const interaction = await deliver(commandPayload(state, id, command, resolvedOptions, undefined, context, true));
      const response = await interaction.firstResponse();
      if (response.type !== CallbackType.AutocompleteResult)
        throw new Error(`autocomplete got callback type ${String(response.type)}, not 8`);
      return (response.data?.choices as APIApplicationCommandOptionChoice[] | undefined) ?? [];
    },

    postMessage(input) {
      const channelId = input.channelId ?? defaultChannelId;
      state.requireChannel(channelId);
      const message = createMessage(state, {
        channelId,
        body: { content: input.content },
        author: state.userJson(state.requireUser(input.user.id)),
        type: MessageType.Default,
      });
      state.storeMessage(message, false);
      return structuredClone(message);
    },

    async sendMessageCommand(input) {
      const command = state.findCommand(input.name, 3);
      if (!command) {
        throw new Error(
          `no message command "${input.name}" is registered, so Discord would not offer it in the Apps menu: register it (type 3) first`,
        );
      }
      const target = state.messages.get(input.targetMessageId);
      if (!target) throw new Error(`message ${input.targetMessageId} does not exist (deleted, or never sent)`);
      const id = state.ids.next();
      return deliver(messageCommandPayload(state, id, command, target, { userId: input.user.id, channelId: target.channel_id }));
    },

    async clickButton(input) {
      const message = state.messages.get(input.messageId);
      if (!message) throw new Error(`message ${input.messageId} does not exist (deleted, or never sent)`);
      const buttons = (message.components ?? []).flatMap((row) =>
        'components' in row ? (row.components as unknown as { type: number; custom_id?: string; disabled?: boolean }[]) : [],
      );
      const button = buttons.find((component) => component.type === 2 && component.custom_id === input.customId);
      if (!button) {
        const ids = buttons.map((b) => b.custom_id).filter(Boolean);
        throw new Error(`message ${input.messageId} has no button '${input.customId}'; its buttons: ${ids.join(', ') || '(none)'}`);
      }
      if (button.disabled) throw new Error(`button '${input.customId}' is disabled; Discord's client cannot click it`);
      const id = state.ids.next();
      return deliver(
        buttonPayload(state, id, message, input.customId, { userId: input.user.id, channelId: message.channel_id }),
        message.id,
      );
    },

    registeredCommands: (which = {}) => structuredClone(state.commandsFor(which.guildId)),
    channelMessages: (channelId = defaultChannelId) =>
      (state.channelLog.get(channelId) ?? []).map((id) => state.messages.get(id)).filter((m): m is APIMessage => m !== undefined),
    message: (messageId) => state.messages.get(messageId),
    attachmentData: (messageId, filename) => {
      const message = state.messages.get(messageId);
      return message ? attachmentBytes(message, filename) : undefined;
    },
    pins: (channelId = defaultChannelId) =>
      (state.pins.get(channelId) ?? []).map((pin) => state.messages.get(pin.messageId)).filter((m): m is APIMessage => m !== undefined),
    failNext: (rule) => faults.add(rule),
    waitFor: (check, waitOptions) => waitForState(state, check, waitOptions),
    disconnectClients: (code) => gateway.disconnectAll(code),

    async close() {
      for (const interaction of interactions.values()) interaction.dispose();
      await gateway.close();
      await closeServer(server);
      state.events.removeAllListeners();
    },
  };
  return emulator;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
