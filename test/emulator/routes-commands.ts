// Application commands, global and per guild: bulk overwrite (keeping ids of same-named commands, as
// Discord does), create, list, fetch, delete.
import type { APIApplicationCommand } from 'discord.js';
import type { Route } from './router.ts';
import type { RouteEnv } from './route-env.ts';
import { DiscordError } from './errors.ts';
import { ErrorCollector, isObject } from './validation.ts';
import { checkCommand, checkCommandList } from './command-validation.ts';

type Json = Record<string, unknown>;

export function commandRoutes(env: RouteEnv): Route[] {
  const { state } = env;

  const listFor = (params: Record<string, string>): APIApplicationCommand[] => {
    if (params.applicationId !== state.applicationId) throw DiscordError.notAuthorizedForApplication();
    if (params.guildId !== undefined && params.guildId !== state.guildId) throw DiscordError.missingAccess();
    return state.commandsFor(params.guildId);
  };

  const build = (body: Json, guildId: string | undefined, previous: APIApplicationCommand | undefined): APIApplicationCommand => {
    const type = (body.type as number | undefined) ?? 1;
    return {
      id: previous?.id ?? state.ids.next(),
      application_id: state.applicationId,
      version: state.ids.next(),
      type,
      name: String(body.name),
      name_localizations: (body.name_localizations as Record<string, string> | undefined) ?? null,
      description: typeof body.description === 'string' ? body.description : '',
      description_localizations: (body.description_localizations as Record<string, string> | undefined) ?? null,
      default_member_permissions:
        typeof body.default_member_permissions === 'string' || typeof body.default_member_permissions === 'number'
          ? String(body.default_member_permissions)
          : null,
      ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission !== false }),
      nsfw: body.nsfw === true,
      integration_types: (body.integration_types as number[] | undefined) ?? [0],
      contexts: (body.contexts as number[] | undefined) ?? null,
      ...(Array.isArray(body.options) && body.options.length > 0 ? { options: structuredClone(body.options) } : {}),
    };
  };

  const sameCommand = (body: Json) => (command: APIApplicationCommand) =>
    command.name === body.name && command.type === ((body.type as number | undefined) ?? 1);

  const overwrite = ({ params, body }: { params: Record<string, string>; body: unknown }) => {
    const list = listFor(params);
    const bodies = checkCommandList(body);
    const next = bodies.map((command) => build(command, params.guildId, list.find(sameCommand(command))));
    list.splice(0, list.length, ...next);
    state.changed();
    return { status: 200, body: next };
  };

  const create = ({ params, body }: { params: Record<string, string>; body: unknown }) => {
    const list = listFor(params);
    const c = new ErrorCollector();
    if (!isObject(body)) c.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else checkCommand(c, [], body);
    c.throwIfAny();
    const command = body as Json;
    const index = list.findIndex(sameCommand(command));
    const built = build(command, params.guildId, list[index]);
    // Creating a command with an existing name overwrites it (200), otherwise 201.
    if (index >= 0) list[index] = built;
    else list.push(built);
    state.changed();
    return { status: index >= 0 ? 200 : 201, body: built };
  };

  const find = (params: Record<string, string>) => {
    const list = listFor(params);
    const index = list.findIndex((command) => command.id === params.commandId);
    if (index < 0) throw DiscordError.unknownCommand();
    return { list, index };
  };

  const routes: Route[] = [];
  for (const base of ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands']) {
    routes.push(
      { method: 'GET', pattern: base, auth: true, handle: ({ params }) => ({ status: 200, body: listFor(params) }) },
      { method: 'PUT', pattern: base, auth: true, handle: overwrite },
      { method: 'POST', pattern: base, auth: true, handle: create },
      {
        method: 'GET',
        pattern: `${base}/:commandId`,
        auth: true,
        handle: ({ params }) => {
          const { list, index } = find(params);
          return { status: 200, body: list[index] };
        },
      },
      {
        method: 'DELETE',
        pattern: `${base}/:commandId`,
        auth: true,
        handle: ({ params }) => {
          const { list, index } = find(params);
          list.splice(index, 1);
          state.changed();
          return { status: 204 };
        },
      },
    );
  }
  return routes;
}
