import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from '../../src/answers/commands.ts';
import { CHECK_IN_COVERAGE } from '../../src/discord/check-message.ts';
import { CommandLoadError, loadCommands } from '../../src/discord/load-commands.ts';

const scratch: string[] = [];
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function commandsDirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'story-desk-commands-'));
  scratch.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('loadCommands', () => {
  it('loads one command per definition in src/answers/commands.ts, built from that definition', async () => {
    const commands = await loadCommands();
    // /check is offered on Discord as the message command "Check in coverage".
    const slashDefinitions = commandDefinitions.filter((definition) => definition.name !== 'check');
    // /coverage is the moderators' command for changing the coverage, not an answer command.
    const answering = [...commands.keys()].filter((name) => name !== 'coverage');
    expect(answering.sort()).toEqual([...slashDefinitions.map((definition) => definition.name), CHECK_IN_COVERAGE].sort());
    const check = commands.get(CHECK_IN_COVERAGE)!.data.toJSON();
    expect(check).toMatchObject({ name: 'Check in coverage', type: ApplicationCommandType.Message });
    expect('description' in check ? check.description : '').toBe('');
    for (const definition of slashDefinitions) {
      const json = commands.get(definition.name)!.data.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody;
      expect(json.description).toBe(definition.description);
      const options = json.options ?? [];
      for (const option of definition.options) {
        expect(options.find((built) => built.name === option.name)).toMatchObject({
          type: ApplicationCommandOptionType.String,
          description: option.description,
          required: option.required,
          min_length: option.minLength,
          max_length: option.maxLength,
          autocomplete: 'autocomplete' in option,
        });
      }
      expect(options.at(-1)).toMatchObject({ name: 'private', type: ApplicationCommandOptionType.Boolean, required: false });
      const hasAutocomplete = definition.options.some((option) => 'autocomplete' in option);
      expect(typeof commands.get(definition.name)!.autocomplete === 'function').toBe(hasAutocomplete);
    }
  });

  it('offers /coverage only to members with Manage Server, with add and remove', async () => {
    const json = (await loadCommands()).get('coverage')!.data.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody;
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect((json.options ?? []).map((option) => option.name)).toEqual(['add', 'remove']);
  });

  it('stops start-up naming a file that does not export execute', async () => {
    const dir = await commandsDirWith({
      'broken.ts': "export const data = { name: 'broken', toJSON: () => ({ name: 'broken', description: 'x' }) };\n",
    });
    await expect(loadCommands(dir)).rejects.toThrow(CommandLoadError);
    await expect(loadCommands(dir)).rejects.toThrow(/Command file .*broken\.ts is malformed: it does not export an "execute/u);
  });

  it('stops start-up naming a file that does not export data', async () => {
    const dir = await commandsDirWith({ 'nodata.ts': 'export async function execute() {}\n' });
    await expect(loadCommands(dir)).rejects.toThrow(/nodata\.ts is malformed: it does not export "data"/u);
  });

  it('stops start-up naming a file whose option has autocomplete but no handler', async () => {
    const dir = await commandsDirWith({
      'half.ts':
        "export const data = { name: 'half', toJSON: () => ({ name: 'half', description: 'x', options: [{ name: 'place', autocomplete: true }] }) };\nexport async function execute() {}\n",
    });
    await expect(loadCommands(dir)).rejects.toThrow(/half\.ts is malformed: option "place" has autocomplete/u);
  });

  it('stops start-up naming a file that fails to import', async () => {
    const dir = await commandsDirWith({ 'throws.ts': "throw new Error('boom');\n" });
    await expect(loadCommands(dir)).rejects.toThrow(/Command file .*throws\.ts failed to load: boom/u);
  });
});
