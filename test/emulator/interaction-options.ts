// Turns a test's { option: value } into the options array Discord's client would send, enforcing what the
// client enforces (known options, required ones, types, choices, lengths, ranges) so a test cannot send
// what no user could.
import type { APIApplicationCommand, APIApplicationCommandOption, APIInteractionDataResolved } from 'discord.js';
import type { EmulatorState } from './state.ts';

export type OptionValue = string | number | boolean;

export interface OptionInput {
  /** Option values by name. */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
  /** For autocomplete: the option being typed in. */
  focused?: string;
}

export interface ResolvedOption {
  name: string;
  type: number;
  value?: OptionValue;
  focused?: boolean;
  options?: ResolvedOption[];
}

const OptionType = {
  Subcommand: 1,
  Group: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

type Definition = APIApplicationCommandOption & {
  options?: Definition[];
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
};

function pickNested(
  command: APIApplicationCommand,
  input: OptionInput,
): { defs: Definition[]; wrap: (options: ResolvedOption[]) => ResolvedOption[] } {
  const top = (command.options ?? []) as Definition[];
  const label = `/${command.name}`;
  if (input.subcommandGroup !== undefined) {
    const group = top.find((o) => o.type === OptionType.Group && o.name === input.subcommandGroup);
    if (!group) throw new Error(`${label} has no subcommand group '${input.subcommandGroup}'`);
    const sub = (group.options ?? []).find((o) => o.name === input.subcommand);
    if (!sub) throw new Error(`${label} ${group.name} has no subcommand '${String(input.subcommand)}'`);
    return {
      defs: sub.options ?? [],
      wrap: (options) => [
        { name: group.name, type: OptionType.Group, options: [{ name: sub.name, type: OptionType.Subcommand, options }] },
      ],
    };
  }
  if (input.subcommand !== undefined) {
    const sub = top.find((o) => o.type === OptionType.Subcommand && o.name === input.subcommand);
    if (!sub) throw new Error(`${label} has no subcommand '${input.subcommand}'`);
    return { defs: sub.options ?? [], wrap: (options) => [{ name: sub.name, type: OptionType.Subcommand, options }] };
  }
  if (top.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.Group)) {
    throw new Error(`${label} has subcommands: pass subcommand (and subcommandGroup) to choose one`);
  }
  return { defs: top, wrap: (options) => options };
}

function checkValue(state: EmulatorState, where: string, def: Definition, value: OptionValue, resolved: APIInteractionDataResolved): void {
  const fail = (why: string) => {
    throw new Error(`${where}: ${why} (the Discord client would not send this)`);
  };
  switch (def.type) {
    case OptionType.String: {
      if (typeof value !== 'string') fail('expects a string');
      const length = [...String(value)].length;
      if (length > (def.max_length ?? 6000)) fail(`is longer than its max_length ${def.max_length ?? 6000}`);
      if (length < (def.min_length ?? 1)) fail(`is shorter than its min_length ${def.min_length ?? 1}`);
      break;
    }
    case OptionType.Integer:
    case OptionType.Number:
      if (typeof value !== 'number' || (def.type === OptionType.Integer && !Number.isInteger(value)))
        fail(def.type === OptionType.Integer ? 'expects an integer' : 'expects a number');
      if (def.max_value !== undefined && (value as number) > def.max_value) fail(`is above its max_value ${def.max_value}`);
      if (def.min_value !== undefined && (value as number) < def.min_value) fail(`is below its min_value ${def.min_value}`);
      break;
    case OptionType.Boolean:
      if (typeof value !== 'boolean') fail('expects a boolean');
      break;
    case OptionType.User:
    case OptionType.Mentionable: {
      const user = state.users.get(String(value));
      const role = state.roles.get(String(value));
      if (user) {
        resolved.users = { ...resolved.users, [user.id]: state.userJson(user) };
        if (state.members.has(user.id)) {
          const { user: _user, ...member } = state.memberJson(user.id);
          resolved.members = { ...resolved.members, [user.id]: { ...member, permissions: state.permissionsOf(user.id).toString() } };
        }
      } else if (role && def.type === OptionType.Mentionable) {
        resolved.roles = { ...resolved.roles, [role.id]: state.roleJson(role) };
      } else fail(`expects the id of a user the emulator knows (emu.addUser)`);
      break;
    }
    case OptionType.Role: {
      const role = state.roles.get(String(value));
      if (!role) fail('expects the id of a role in the guild');
      else resolved.roles = { ...resolved.roles, [role.id]: state.roleJson(role) };
      break;
    }
    case OptionType.Channel: {
      const channel = state.channels.get(String(value));
      if (!channel) fail('expects the id of a channel in the guild');
      else {
        const { id, name, type, parent_id } = state.channelJson(channel);
        resolved.channels = {
          ...resolved.channels,
          [id]: { id, name, type, parent_id, permissions: '0', thread_metadata: undefined } as never,
        };
      }
      break;
    }
    case OptionType.Attachment: {
      const attachment = state.attachments.get(String(value));
      if (!attachment) fail('expects the id of an attachment the emulator holds (emu.addAttachment)');
      else {
        const url = `${state.origin}/attachments/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
        resolved.attachments = {
          ...resolved.attachments,
          [attachment.id]: {
            id: attachment.id,
            filename: attachment.filename,
            size: attachment.bytes.length,
            url,
            proxy_url: url,
            content_type: attachment.contentType,
          },
        };
      }
      break;
    }
    default:
      fail(`option type ${def.type} is not emulated`);
  }
  if (def.choices && def.choices.length > 0 && !def.choices.some((choice) => choice.value === value)) {
    fail(`must be one of its choices: ${def.choices.map((choice) => JSON.stringify(choice.value)).join(', ')}`);
  }
}

/** Builds data.options (and data.resolved) for a command or autocomplete interaction. */
export function resolveOptions(
  state: EmulatorState,
  command: APIApplicationCommand,
  input: OptionInput,
): { options: ResolvedOption[]; resolved?: APIInteractionDataResolved } {
  const { defs, wrap } = pickNested(command, input);
  const given = input.options ?? {};
  const resolved: APIInteractionDataResolved = {};
  const options: ResolvedOption[] = [];
  for (const [name, value] of Object.entries(given)) {
    const def = defs.find((d) => d.name === name);
    const where = `/${command.name} option '${name}'`;
    if (!def) throw new Error(`${where} does not exist; options: ${defs.map((d) => d.name).join(', ') || '(none)'}`);
    if (input.focused === name) {
      if (def.autocomplete !== true) throw new Error(`${where} has no autocomplete`);
      // Autocomplete sends what the user has typed so far, always as a string.
      options.push({ name, type: def.type, value: String(value), focused: true });
      continue;
    }
    checkValue(state, where, def, value, resolved);
    options.push({ name, type: def.type, value });
  }
  if (input.focused !== undefined && !options.some((o) => o.focused)) {
    throw new Error(`/${command.name}: the focused option '${input.focused}' needs a value in options (what the user typed, may be '')`);
  }
  if (input.focused === undefined) {
    const missing = defs.filter((d) => d.required === true && !(d.name in given)).map((d) => d.name);
    if (missing.length > 0) throw new Error(`/${command.name} needs its required option(s) ${missing.join(', ')}`);
  }
  const hasResolved = Object.keys(resolved).length > 0;
  return { options: wrap(options), ...(hasResolved ? { resolved } : {}) };
}
