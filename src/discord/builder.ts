import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { commandDefinitions } from '../answers/commands.ts';
import type { CommandDefinition, CommandName, DefinitionOf } from '../answers/commands.ts';

/** The boolean option every command gets: answer only to the asker (such answers cannot be pinned). */
export const PRIVATE_OPTION = 'private';

/**
 * Builds a slash command from its definition in src/answers/commands.ts, the single source of truth:
 * name, description, options with their descriptions, lengths, required flags and autocomplete,
 * plus the `private` option.
 */
export function buildSlashCommand(definition: CommandDefinition): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(definition.name)
    .setDescription(definition.description)
    .setContexts(InteractionContextType.Guild);
  for (const option of definition.options) {
    builder.addStringOption((string) =>
      string
        .setName(option.name)
        .setDescription(option.description)
        .setRequired(option.required)
        .setMinLength(option.minLength)
        .setMaxLength(option.maxLength)
        .setAutocomplete(option.autocomplete !== undefined),
    );
  }
  builder.addBooleanOption((flag) =>
    flag.setName(PRIVATE_OPTION).setDescription('Show the answer only to you (private answers cannot be pinned)').setRequired(false),
  );
  return builder;
}

/** The definition a command file is named after: a name not in src/answers/commands.ts is a compile error. */
export function definitionOf<N extends CommandName>(name: N): DefinitionOf<N> {
  const definition = commandDefinitions.find((command): command is DefinitionOf<N> => command.name === name);
  if (definition === undefined) throw new Error(`No command named "${name}" in src/answers/commands.ts`);
  return definition;
}
