import { z } from 'zod';
import { plainText } from './plain-text.ts';
import { commandDefinitions, findCommand, type CommandDefinition, type CommandName, type OptionDefinition } from './commands.ts';

export type ValidOptions = Record<string, string>;

export type Validation =
  { ok: true; command: CommandDefinition & { name: CommandName }; options: ValidOptions } | { ok: false; message: string };

// Control characters other than whitespace never belong in a question; they are stripped, not rejected.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function optionSchema(option: OptionDefinition) {
  const text = z
    .string({ error: `Option "${option.name}" must be text.` })
    .transform((value) => plainText(value.replace(CONTROL, '')).replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(option.minLength, `Option "${option.name}" needs at least ${option.minLength} characters.`)
        .max(option.maxLength, `Option "${option.name}" takes at most ${option.maxLength} characters.`),
    );
  return option.required ? text : text.optional();
}

const schemas = new Map<string, z.ZodType>(
  commandDefinitions.map((command): [string, z.ZodType] => [
    command.name,
    z.strictObject(Object.fromEntries(command.options.map((option) => [option.name, optionSchema(option)])), {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `/${command.name} has no option ${issue.keys.map((key) => `"${key}"`).join(', ')}; it takes ${describeOptions(command)}.`
          : undefined,
    }),
  ]),
);

/** Checks a request against the command's definition: names what is wrong and what is accepted. */
export function validate(commandName: string, options: Record<string, unknown>): Validation {
  const command = findCommand(commandName);
  if (!command) {
    return { ok: false, message: `Unknown command /${commandName}. Commands: ${commandDefinitions.map((c) => `/${c.name}`).join(', ')}.` };
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== null));
  const parsed = schemas.get(command.name)!.safeParse(defined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const missing = issue.code === 'invalid_type' && defined[String(issue.path[0])] === undefined;
    const message = missing ? `/${command.name} needs "${String(issue.path[0])}": ${command.usage}` : issue.message;
    return { ok: false, message };
  }
  return { ok: true, command, options: parsed.data as ValidOptions };
}

function describeOptions(command: CommandDefinition): string {
  return command.options.length === 0 ? 'no options' : command.options.map((option) => `"${option.name}"`).join(', ');
}
