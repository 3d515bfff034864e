/**
 * The command set as plain data: the single source of truth for every front end.
 * Discord builds its slash commands from it; the console parses command lines with it.
 */

/** 'article': article ids, for the moderators' /coverage remove. */
export type AutocompleteSource = 'place' | 'speaker' | 'outlet' | 'article';

export interface OptionDefinition {
  name: string;
  description: string;
  required: boolean;
  /** Discord enforces these too; the core validates them again for every front end. */
  minLength: number;
  maxLength: number;
  autocomplete?: AutocompleteSource;
}

export interface CommandDefinition {
  name: string;
  description: string;
  /** How to use it, for /help. */
  usage: string;
  options: OptionDefinition[];
}

export const commandDefinitions = [
  {
    name: 'ask',
    description: 'Ask a question about the story; get up to five cited snippets.',
    usage: '/ask question:who ruled out hosting a hub?',
    options: [{ name: 'question', description: 'Your question, in plain words', required: true, minLength: 2, maxLength: 300 }],
  },
  {
    name: 'country',
    description: 'What each outlet says about a place, and which outlets do not mention it.',
    usage: '/country name:Serbia',
    options: [
      {
        name: 'name',
        description: 'A country or region, e.g. Serbia, Kosovo, Western Balkans',
        required: true,
        minLength: 2,
        maxLength: 100,
        autocomplete: 'place',
      },
    ],
  },
  {
    name: 'quote',
    description: "A person's or source's direct quotations, cited to each outlet that printed them.",
    usage: '/quote who:Osmani about:talks',
    options: [
      {
        name: 'who',
        description: 'A person or source, e.g. Osmani, Chris Philp, a government source',
        required: true,
        minLength: 2,
        maxLength: 100,
        autocomplete: 'speaker',
      },
      { name: 'about', description: 'Only quotations on this topic', required: false, minLength: 2, maxLength: 200 },
    ],
  },
  {
    name: 'outlet',
    description: "An outlet's article: headline, date, link, lead, and what only it reports.",
    usage: '/outlet name:Sky News',
    options: [
      {
        name: 'name',
        description: 'An outlet, e.g. The Times, Sky News',
        required: true,
        minLength: 2,
        maxLength: 100,
        autocomplete: 'outlet',
      },
    ],
  },
  {
    name: 'compare',
    description: 'What each outlet says on a topic, side by side, with differing figures.',
    usage: '/compare topic:small boat crossings',
    options: [{ name: 'topic', description: 'A topic, e.g. small boat crossings, Albania', required: true, minLength: 2, maxLength: 200 }],
  },
  {
    name: 'check',
    description: 'Check a message against the coverage: its quotations, figures, claims about people and names.',
    usage: 'On Discord, right-click a message → Apps → Check in coverage (console: /check Osmani said "no talks")',
    options: [{ name: 'text', description: 'The message to check', required: true, minLength: 2, maxLength: 4000 }],
  },
  {
    name: 'overview',
    description: 'Pictures of the coverage: which outlets cover which places and people, and when.',
    usage: '/overview',
    options: [],
  },
  {
    name: 'sources',
    description: 'The outlets and articles the bot has read, with links and dates.',
    usage: '/sources',
    options: [],
  },
  {
    name: 'help',
    description: 'How to use story-desk.',
    usage: '/help',
    options: [],
  },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof commandDefinitions)[number]['name'];

/** The definition of the command named N, with its literal option names and whether each is required. */
export type DefinitionOf<N extends CommandName> = Extract<(typeof commandDefinitions)[number], { name: N }>;
type OptionOf<N extends CommandName> = DefinitionOf<N>['options'][number];

/**
 * The options an answer function receives, derived from the command's definition (as discord-utils-bot
 * derives its ArgumentsOf): required options are strings, the others optional strings, and no other name
 * exists, so a misspelt option is a compile error. Distributes over a union of names.
 */
export type ArgumentsOf<N extends CommandName> = N extends CommandName
  ? { [O in OptionOf<N> as O['required'] extends true ? O['name'] : never]: string } & {
      [O in OptionOf<N> as O['required'] extends true ? never : O['name']]?: string;
    }
  : never;

export function findCommand(name: string): (CommandDefinition & { name: CommandName }) | undefined {
  return commandDefinitions.find((command) => command.name === name);
}
