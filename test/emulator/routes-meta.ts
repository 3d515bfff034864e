// Login-time and lookup routes: gateway info, the bot's user and application, the guild, its members.
import type { APIApplication, ApplicationFlags, OAuth2Scopes } from 'discord.js';
import type { Route } from './router.ts';
import type { RouteEnv } from './route-env.ts';
import { DiscordError } from './errors.ts';

export function metaRoutes(env: RouteEnv): Route[] {
  const { state } = env;
  const requireGuild = (guildId: string | undefined) => {
    if (guildId !== state.guildId) throw DiscordError.unknownGuild();
  };
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: env.gatewayUrl() } }) },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: env.gatewayUrl(),
          shards: env.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    {
      method: 'GET',
      pattern: '/users/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: { ...state.userJson(state.botUser), verified: true, mfa_enabled: false, email: null, locale: 'en-US' },
      }),
    },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: true,
      handle: ({ params }) => {
        const user = state.users.get(params.userId ?? '');
        if (!user) throw DiscordError.unknownUser();
        return { status: 200, body: state.userJson(user) };
      },
    },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          id: state.applicationId,
          flags_new: '0',
          name: state.botUser.username,
          icon: null,
          description: '',
          summary: '',
          bot: state.userJson(state.botUser),
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          owner: state.userJson(state.requireUser(state.ownerId)),
          team: null,
          flags: 0 as ApplicationFlags,
          approximate_guild_count: 1,
          install_params: { scopes: ['bot', 'applications.commands'] as OAuth2Scopes[], permissions: '0' },
          integration_types_config: { '0': {} },
          redirect_uris: [],
          interactions_endpoint_url: null,
        } satisfies APIApplication,
      }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId',
      auth: true,
      handle: ({ params }) => {
        requireGuild(params.guildId);
        return { status: 200, body: state.guildJson() };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: true,
      handle: ({ params }) => {
        requireGuild(params.guildId);
        return { status: 200, body: [...state.channels.values()].map((channel) => state.channelJson(channel)) };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/roles',
      auth: true,
      handle: ({ params }) => {
        requireGuild(params.guildId);
        return { status: 200, body: [...state.roles.values()].map((role) => state.roleJson(role)) };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: ({ params }) => {
        requireGuild(params.guildId);
        const userId = params.userId === '@me' ? state.botUser.id : (params.userId ?? '');
        if (!state.members.has(userId)) throw DiscordError.unknownMember();
        return { status: 200, body: state.memberJson(userId) };
      },
    },
  ];
}
