// The emulated world: one guild with a text channel, its roles and members, messages, pins and commands.
import { EventEmitter } from 'node:events';
import type {
  APIApplicationCommand,
  APIGuildMember,
  APIGuildTextChannel,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  ChannelType,
  GatewayGuildCreateDispatchData,
  Locale,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { SnowflakeFactory } from './snowflake.ts';
import { combinePermissions, DEFAULT_BOT_PERMISSIONS, EVERYONE_PERMISSIONS } from './permissions.ts';

export interface EmulatedUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
  readonly locale: string;
}

interface EmulatedRole {
  readonly id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

interface EmulatedMember {
  readonly userId: string;
  readonly roleIds: string[];
  readonly joinedAt: string;
}

export interface EmulatedChannel {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

export interface Pin {
  readonly messageId: string;
  readonly pinnedAt: string;
}

/** A gateway event for every connected session of the guild's shard. */
export interface Dispatch {
  readonly t: string;
  readonly d: unknown;
  readonly guildId?: string;
  /** Intent bit the event needs (e.g. 1 = GUILDS); undefined = always sent. */
  readonly intent?: number;
}

export interface StateOptions {
  token: string;
  /** Defaults to the bot user's id, as for bots created today. */
  applicationId?: string;
  botUsername: string;
}

export interface EmulatedAttachment {
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export class EmulatorState {
  readonly ids = new SnowflakeFactory();
  readonly events = new EventEmitter().setMaxListeners(0);
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: EmulatedUser;
  readonly guildId: string;
  readonly guildName = 'Story Desk Test Server';
  readonly ownerId: string;
  readonly createdAt = new Date().toISOString();
  readonly users = new Map<string, EmulatedUser>();
  readonly roles = new Map<string, EmulatedRole>();
  readonly members = new Map<string, EmulatedMember>();
  readonly channels = new Map<string, EmulatedChannel>();
  /** Every message the emulator knows, ephemeral ones included. */
  readonly messages = new Map<string, APIMessage>();
  /** Ids of the non-ephemeral messages of each channel, oldest first. */
  readonly channelLog = new Map<string, string[]>();
  readonly pins = new Map<string, Pin[]>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  /** Files users attached to command options, served at `/attachments/{id}/{filename}` as Discord's CDN would. */
  readonly attachments = new Map<string, EmulatedAttachment>();
  /** The emulator's origin, "http://127.0.0.1:<port>", set once it listens: attachment URLs start with it. */
  origin = '';
  maxPins = 50;
  private readonly botRoleId: string;

  constructor(options: StateOptions) {
    this.token = options.token;
    this.guildId = this.ids.next();
    this.botUser = { id: this.ids.next(), username: options.botUsername, globalName: null, bot: true, locale: 'en-US' };
    this.applicationId = options.applicationId ?? this.botUser.id;
    this.users.set(this.botUser.id, this.botUser);
    // @everyone has the guild's id, as on Discord.
    this.roles.set(this.guildId, { id: this.guildId, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0, managed: false });
    this.botRoleId = this.ids.next();
    this.roles.set(this.botRoleId, {
      id: this.botRoleId,
      name: options.botUsername,
      permissions: DEFAULT_BOT_PERMISSIONS,
      position: 1,
      managed: true,
      botId: this.botUser.id,
    });
    this.members.set(this.botUser.id, { userId: this.botUser.id, roleIds: [this.botRoleId], joinedAt: this.createdAt });
    const owner = this.addUser({ username: 'server-owner' });
    this.ownerId = owner.id;
    this.addChannel('general');
  }

  /** Announces a change to tests (waitFor) and, for gateway events, to connected clients. */
  dispatch(event: Dispatch): void {
    this.events.emit('dispatch', event);
    this.changed();
  }

  changed(): void {
    this.events.emit('change');
  }

  addUser(options: { username: string; globalName?: string; permissions?: bigint; locale?: string }): EmulatedUser {
    const user: EmulatedUser = {
      id: this.ids.next(),
      username: options.username,
      globalName: options.globalName ?? null,
      bot: false,
      locale: options.locale ?? 'en-US',
    };
    this.users.set(user.id, user);
    const roleIds: string[] = [];
    if (options.permissions !== undefined && options.permissions !== 0n) {
      const role: EmulatedRole = {
        id: this.ids.next(),
        name: `${options.username} role`,
        permissions: options.permissions,
        position: this.roles.size,
        managed: false,
      };
      this.roles.set(role.id, role);
      roleIds.push(role.id);
      this.dispatch({ t: 'GUILD_ROLE_CREATE', d: { guild_id: this.guildId, role: this.roleJson(role) }, guildId: this.guildId, intent: 1 });
    }
    // No GUILD_MEMBER_ADD: it needs the privileged GUILD_MEMBERS intent, which the bot does not ask for.
    this.members.set(user.id, { userId: user.id, roleIds, joinedAt: new Date().toISOString() });
    return user;
  }

  addChannel(name: string): EmulatedChannel {
    const channel: EmulatedChannel = { id: this.ids.next(), name, position: this.channels.size };
    this.channels.set(channel.id, channel);
    this.channelLog.set(channel.id, []);
    this.pins.set(channel.id, []);
    if (this.channels.size > 1) {
      this.dispatch({ t: 'CHANNEL_CREATE', d: this.channelJson(channel), guildId: this.guildId, intent: 1 });
    }
    return channel;
  }

  setBotPermissions(permissions: bigint): void {
    const role = this.roles.get(this.botRoleId);
    if (!role) throw new Error('the bot role is missing');
    role.permissions = permissions;
    this.dispatch({ t: 'GUILD_ROLE_UPDATE', d: { guild_id: this.guildId, role: this.roleJson(role) }, guildId: this.guildId, intent: 1 });
  }

  /** A member's permissions in a channel (the emulator's channels have no overwrites). */
  permissionsOf(userId: string): bigint {
    if (userId === this.ownerId) return combinePermissions(0n, [1n << 3n]);
    const member = this.members.get(userId);
    if (!member) return 0n;
    const everyone = this.roles.get(this.guildId)?.permissions ?? 0n;
    return combinePermissions(
      everyone,
      member.roleIds.map((id) => this.roles.get(id)?.permissions ?? 0n),
    );
  }

  requireUser(userId: string): EmulatedUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}: create it with emu.addUser({ username })`);
    return user;
  }

  requireChannel(channelId: string): EmulatedChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}: the emulator has ${[...this.channels.keys()].join(', ')}`);
    return channel;
  }

  commandsFor(guildId?: string): APIApplicationCommand[] {
    if (guildId === undefined) return this.globalCommands;
    let list = this.guildCommands.get(guildId);
    if (!list) {
      list = [];
      this.guildCommands.set(guildId, list);
    }
    return list;
  }

  /** The command a user in the guild would see under this name: guild commands shadow global ones. */
  findCommand(name: string, type = 1): APIApplicationCommand | undefined {
    const match = (command: APIApplicationCommand) => command.name === name && command.type === type;
    return this.commandsFor(this.guildId).find(match) ?? this.globalCommands.find(match);
  }

  storeMessage(message: APIMessage, ephemeral: boolean): void {
    this.messages.set(message.id, message);
    if (!ephemeral) this.channelLog.get(message.channel_id)?.push(message.id);
    this.changed();
  }

  deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    const log = this.channelLog.get(message.channel_id);
    const index = log?.indexOf(message.id) ?? -1;
    if (log && index >= 0) log.splice(index, 1);
    const pins = this.pins.get(message.channel_id);
    const pinIndex = pins?.findIndex((pin) => pin.messageId === message.id) ?? -1;
    if (pins && pinIndex >= 0) pins.splice(pinIndex, 1);
    this.changed();
  }

  /** A non-ephemeral message of the channel; ephemeral messages are invisible to channel routes. */
  channelMessage(channelId: string, messageId: string): APIMessage | undefined {
    return this.channelLog.get(channelId)?.includes(messageId) ? this.messages.get(messageId) : undefined;
  }

  userJson(user: EmulatedUser): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.globalName,
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
  }

  memberJson(userId: string): APIGuildMember {
    const member = this.members.get(userId);
    if (!member) throw new Error(`user ${userId} is not a member of the guild`);
    return {
      user: this.userJson(this.requireUser(userId)),
      nick: null,
      avatar: null,
      banner: null,
      roles: [...member.roleIds],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  roleJson(role: EmulatedRole): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  channelJson(channel: EmulatedChannel): APIGuildTextChannel<ChannelType.GuildText> {
    return {
      id: channel.id,
      type: 0,
      guild_id: this.guildId,
      name: channel.name,
      position: channel.position,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: this.channelLog.get(channel.id)?.at(-1) ?? null,
      rate_limit_per_user: 0,
      last_pin_timestamp: this.pins.get(channel.id)?.at(-1)?.pinnedAt ?? null,
      flags: 0 as ChannelFlags,
    };
  }

  /** The guild object without the gateway-only fields. */
  guildJson() {
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300 as const,
      widget_enabled: false,
      verification_level: 0 as const,
      default_message_notifications: 1 as const,
      explicit_content_filter: 0 as const,
      roles: [...this.roles.values()].map((role) => this.roleJson(role)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0 as const,
      application_id: null,
      system_channel_id: [...this.channels.keys()][0] ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0 as const,
      premium_subscription_count: 0,
      preferred_locale: 'en-US' as Locale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0 as const,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
      hub_type: null,
    };
  }

  /** GUILD_CREATE as a bot with only the GUILDS intent receives it: members holds just the bot. */
  guildCreatePayload(): GatewayGuildCreateDispatchData {
    return {
      ...this.guildJson(),
      joined_at: this.members.get(this.botUser.id)?.joinedAt ?? this.createdAt,
      large: false,
      unavailable: false,
      member_count: this.members.size,
      voice_states: [],
      members: [this.memberJson(this.botUser.id)],
      channels: [...this.channels.values()].map((channel) => this.channelJson(channel)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
