// Application command bodies: Discord's name, description, option and choice rules (50035 on failure).
import { DiscordError } from './errors.ts';
import { Limits } from './limits.ts';
import { checkArray, checkChoice, checkString, ErrorCollector, isObject } from './validation.ts';

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

// Chat input names: lowercase letters, digits, - _ ' and some scripts; 1-32 characters.
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkCommandName(c: ErrorCollector, path: Path, name: unknown, chatInput: boolean): void {
  const length = checkString(c, path, name, Limits.commandName, { min: 1, required: true });
  if (chatInput && typeof name === 'string' && length > 0 && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase())) {
    c.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkCommandOptions(c: ErrorCollector, path: Path, options: unknown, depth: number): void {
  const list = checkArray(c, path, options, Limits.commandOptions);
  const names = new Set<string>();
  let sawOptional = false;
  list.forEach((option, i) => {
    const optionPath = [...path, i];
    if (!isObject(option)) {
      c.add(optionPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = option.type as number;
    if (!Number.isInteger(type) || type < 1 || type > 11) {
      c.add([...optionPath, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.');
      return;
    }
    checkCommandName(c, [...optionPath, 'name'], option.name, true);
    checkString(c, [...optionPath, 'description'], option.description, Limits.commandDescription, { min: 1, required: true });
    if (typeof option.name === 'string') {
      if (names.has(option.name))
        c.add([...optionPath, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(option.name);
    }
    if (option.required === true && sawOptional) {
      c.add(
        [...optionPath, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) sawOptional = true;
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2))
        c.add([...optionPath, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands and groups cannot be nested this deep');
      checkCommandOptions(c, [...optionPath, 'options'], option.options, depth + 1);
      return;
    }
    const choices = checkArray(c, [...optionPath, 'choices'], option.choices, Limits.commandChoices);
    choices.forEach((choice, j) => checkChoice(c, [...optionPath, 'choices', j], choice));
    if (option.autocomplete === true && choices.length > 0) {
      c.add(
        [...optionPath, 'autocomplete'],
        'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
        'Autocomplete cannot be set for options with choices',
      );
    }
    for (const bound of ['min_length', 'max_length'] as const) {
      const value = option[bound];
      if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > Limits.optionStringLength)) {
        c.add([...optionPath, bound], 'NUMBER_TYPE_MAX', `int value should be between 0 and ${Limits.optionStringLength}.`);
      }
    }
  });
}

/** Bulk overwrite body: an array of commands with Discord's name, description and option rules. */
export function checkCommandList(body: unknown): Json[] {
  const c = new ErrorCollector();
  if (!Array.isArray(body)) {
    c.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    c.throwIfAny();
    return [];
  }
  const seen = new Set<string>();
  let chatInput = 0;
  const contextMenus = new Map<number, number>();
  body.forEach((command, i) => {
    if (!isObject(command)) {
      c.add([i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    checkCommand(c, [i], command);
    const type = (command.type as number | undefined) ?? 1;
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) c.add([], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    if (type === 1) chatInput++;
    else contextMenus.set(type, (contextMenus.get(type) ?? 0) + 1);
  });
  if (chatInput > Limits.chatInputCommands) throw DiscordError.maxCommands(Limits.chatInputCommands);
  for (const count of contextMenus.values()) {
    if (count > Limits.contextMenuCommands) throw DiscordError.maxCommands(Limits.contextMenuCommands);
  }
  c.throwIfAny();
  return body as Json[];
}

export function checkCommand(c: ErrorCollector, path: Path, command: Json): void {
  const type = (command.type as number | undefined) ?? 1;
  if (![1, 2, 3, 4].includes(type)) {
    c.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.');
    return;
  }
  checkCommandName(c, [...path, 'name'], command.name, type === 1);
  if (type === 1) {
    checkString(c, [...path, 'description'], command.description, Limits.commandDescription, { min: 1, required: true });
    checkCommandOptions(c, [...path, 'options'], command.options, 0);
  } else if (command.description !== undefined && command.description !== '') {
    c.add([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description');
  }
}
