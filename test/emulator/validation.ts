// Request body checks with Discord's 50035 "Invalid Form Body" error shape.
import { DiscordError, type ErrorTree, type FieldError } from './errors.ts';
import { Limits, SETTABLE_MESSAGE_FLAGS, MessageFlag } from './limits.ts';

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** Gathers field errors under their body path, as Discord nests them. */
export class ErrorCollector {
  private readonly root: ErrorTree = {};
  private count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      if (next === undefined || Array.isArray(next)) {
        const child: ErrorTree = {};
        node[String(key)] = child;
        node = child;
      } else {
        node = next;
      }
    }
    const leaf: FieldError[] = node._errors ?? [];
    leaf.push({ code, message });
    node._errors = leaf;
    this.count++;
  }

  get hasErrors(): boolean {
    return this.count > 0;
  }

  /** Throws Discord's 50035 when anything was collected. */
  throwIfAny(): void {
    if (this.hasErrors) throw DiscordError.invalidFormBody(this.root);
  }
}

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const maxLength = (max: number) => `Must be ${max} or fewer in length.`;
const between = (min: number, max: number) => `Must be between ${min} and ${max} in length.`;

/** Checks an optional string field; returns its length (0 when absent). */
export function checkString(
  c: ErrorCollector,
  path: Path,
  value: unknown,
  max: number,
  opts: { min?: number; required?: boolean } = {},
): number {
  if (value === undefined || value === null) {
    if (opts.required) c.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  if (typeof value !== 'string') {
    c.add(path, 'BASE_TYPE_STRING', 'Could not interpret the value as string.');
    return 0;
  }
  const length = [...value].length;
  const min = opts.min ?? 0;
  if (length > max || length < min) {
    c.add(path, min > 0 ? 'BASE_TYPE_BAD_LENGTH' : 'BASE_TYPE_MAX_LENGTH', min > 0 ? between(min, max) : maxLength(max));
  }
  return length;
}

export function checkArray(c: ErrorCollector, path: Path, value: unknown, max: number, min = 0): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    c.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return [];
  }
  if (value.length > max || value.length < min) {
    c.add(path, min > 0 ? 'BASE_TYPE_BAD_LENGTH' : 'BASE_TYPE_MAX_LENGTH', min > 0 ? between(min, max) : maxLength(max));
  }
  return value;
}

function checkUrl(c: ErrorCollector, path: Path, value: unknown, schemes: readonly string[]): void {
  if (value === undefined || value === null) return;
  let ok = false;
  if (typeof value === 'string') {
    try {
      ok = schemes.includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    c.add(path, 'URL_TYPE_INVALID_URL', `Not a well formed URL.`);
  }
}

const WEB = ['http:', 'https:'] as const;
const MEDIA = ['http:', 'https:', 'attachment:'] as const;

/** Validates embeds; returns the characters that count toward the 6,000 total. */
function checkEmbed(c: ErrorCollector, path: Path, embed: unknown): number {
  if (!isObject(embed)) {
    c.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return 0;
  }
  let total = 0;
  total += checkString(c, [...path, 'title'], embed.title, Limits.embedTitle);
  total += checkString(c, [...path, 'description'], embed.description, Limits.embedDescription);
  checkUrl(c, [...path, 'url'], embed.url, WEB);
  if (embed.color !== undefined && embed.color !== null) {
    if (!Number.isInteger(embed.color) || (embed.color as number) < 0 || (embed.color as number) > 0xffffff) {
      c.add([...path, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp))) {
      c.add([...path, 'timestamp'], 'DATE_TYPE_PARSE', 'Could not parse the timestamp. Should be ISO8601.');
    }
  }
  if (embed.footer !== undefined) {
    if (isObject(embed.footer)) {
      total += checkString(c, [...path, 'footer', 'text'], embed.footer.text, Limits.embedFooterText, { required: true });
      checkUrl(c, [...path, 'footer', 'icon_url'], embed.footer.icon_url, MEDIA);
    } else c.add([...path, 'footer'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  }
  if (embed.author !== undefined) {
    if (isObject(embed.author)) {
      total += checkString(c, [...path, 'author', 'name'], embed.author.name, Limits.embedAuthorName, { required: true });
      checkUrl(c, [...path, 'author', 'url'], embed.author.url, WEB);
      checkUrl(c, [...path, 'author', 'icon_url'], embed.author.icon_url, MEDIA);
    } else c.add([...path, 'author'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  }
  for (const media of ['image', 'thumbnail'] as const) {
    const value = embed[media];
    if (value === undefined) continue;
    if (isObject(value)) checkUrl(c, [...path, media, 'url'], value.url, MEDIA);
    else c.add([...path, media], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  }
  checkArray(c, [...path, 'fields'], embed.fields, Limits.embedFields).forEach((field, i) => {
    const fieldPath = [...path, 'fields', i];
    if (!isObject(field)) {
      c.add(fieldPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    total += checkString(c, [...fieldPath, 'name'], field.name, Limits.embedFieldName, { min: 1, required: true });
    total += checkString(c, [...fieldPath, 'value'], field.value, Limits.embedFieldValue, { min: 1, required: true });
  });
  return total;
}

function checkButton(c: ErrorCollector, path: Path, button: Json, customIds: Set<string>): void {
  const style = button.style;
  if (![1, 2, 3, 4, 5, 6].includes(style as number)) {
    c.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    return;
  }
  checkString(c, [...path, 'label'], button.label, Limits.buttonLabel);
  if (style === 5) {
    if (button.custom_id !== undefined)
      c.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_DISALLOWED', 'A custom id cannot be used with a link button');
    checkUrl(c, [...path, 'url'], button.url ?? '', ['http:', 'https:', 'discord:']);
  } else if (style !== 6) {
    if (button.url !== undefined) c.add([...path, 'url'], 'BUTTON_COMPONENT_URL_DISALLOWED', 'A url cannot be used with this button style');
    if (button.custom_id === undefined) c.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', 'A custom id is required');
  }
  if (button.label === undefined && button.emoji === undefined && style !== 6) {
    c.add([...path, 'label'], 'BUTTON_COMPONENT_LABEL_REQUIRED', 'A label or emoji is required');
  }
  checkCustomId(c, path, button.custom_id, customIds);
}

function checkCustomId(c: ErrorCollector, path: Path, customId: unknown, seen: Set<string>): void {
  if (customId === undefined) return;
  checkString(c, [...path, 'custom_id'], customId, Limits.customId, { min: 1 });
  if (typeof customId === 'string') {
    if (seen.has(customId)) c.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    seen.add(customId);
  }
}

const SELECT_TYPES = [3, 5, 6, 7, 8];

function checkSelect(c: ErrorCollector, path: Path, select: Json, customIds: Set<string>): void {
  checkCustomId(c, path, select.custom_id, customIds);
  if (select.custom_id === undefined) c.add([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
  checkString(c, [...path, 'placeholder'], select.placeholder, Limits.selectPlaceholder);
  if (select.type === 3) {
    const options = checkArray(c, [...path, 'options'], select.options, Limits.selectOptions, 1);
    if (select.options === undefined) c.add([...path, 'options'], 'BASE_TYPE_REQUIRED', 'This field is required');
    options.forEach((option, i) => {
      if (!isObject(option)) return;
      checkString(c, [...path, 'options', i, 'label'], option.label, Limits.selectOptionLabel, { min: 1, required: true });
      checkString(c, [...path, 'options', i, 'value'], option.value, Limits.selectOptionLabel, { min: 1, required: true });
    });
  }
}

/** Classic (non "components v2") components: up to 5 action rows of up to 5 buttons or one select. */
function checkComponents(c: ErrorCollector, path: Path, components: unknown): void {
  const customIds = new Set<string>();
  checkArray(c, path, components, Limits.actionRows).forEach((row, r) => {
    const rowPath = [...path, r];
    if (!isObject(row) || row.type !== 1) {
      c.add([...rowPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = checkArray(c, [...rowPath, 'components'], row.components, Limits.buttonsPerRow, 1);
    if (row.components === undefined) c.add([...rowPath, 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
    const hasSelect = children.some((child) => isObject(child) && SELECT_TYPES.includes(child.type as number));
    if (hasSelect && children.length > 1) {
      c.add([...rowPath, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((child, i) => {
      const childPath = [...rowPath, 'components', i];
      if (!isObject(child)) {
        c.add(childPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      } else if (child.type === 2) {
        checkButton(c, childPath, child, customIds);
      } else if (SELECT_TYPES.includes(child.type as number)) {
        checkSelect(c, childPath, child, customIds);
      } else {
        c.add([...childPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
      }
    });
  });
}

function checkAllowedMentions(c: ErrorCollector, path: Path, allowed: unknown): void {
  if (allowed === undefined || allowed === null) return;
  if (!isObject(allowed)) {
    c.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = checkArray(c, [...path, 'parse'], allowed.parse, 3);
  parse.forEach((kind, i) => {
    if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') {
      c.add([...path, 'parse', i], 'BASE_TYPE_CHOICES', "Value must be one of ('roles', 'users', 'everyone').");
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const ids = checkArray(c, [...path, kind], allowed[kind], Limits.allowedMentionIds);
    if (ids.length > 0 && parse.includes(kind)) {
      c.add([...path, kind], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`);
    }
  }
}

/**
 * Checks the message fields present in a create or edit body, at `path` ([] for webhooks and channel
 * messages, ['data'] for interaction callbacks). Collects errors; does not throw.
 */
export function checkMessageBody(c: ErrorCollector, path: Path, body: Json): void {
  checkString(c, [...path, 'content'], body.content, Limits.content);
  const embeds = checkArray(c, [...path, 'embeds'], body.embeds, Limits.embeds);
  let embedTotal = 0;
  embeds.forEach((embed, i) => {
    embedTotal += checkEmbed(c, [...path, 'embeds', i], embed);
  });
  if (embedTotal > Limits.embedTotal) {
    c.add([...path, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limits.embedTotal}`);
  }
  const flags = body.flags;
  if (flags !== undefined && flags !== null) {
    if (!Number.isInteger(flags) || ((flags as number) & ~SETTABLE_MESSAGE_FLAGS) !== 0) {
      c.add(
        [...path, 'flags'],
        'MESSAGE_FLAGS_INVALID',
        'Only SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS and IS_COMPONENTS_V2 can be set',
      );
    }
  }
  const componentsV2 = typeof flags === 'number' && (flags & MessageFlag.IsComponentsV2) !== 0;
  if (!componentsV2) checkComponents(c, [...path, 'components'], body.components);
  checkAllowedMentions(c, [...path, 'allowed_mentions'], body.allowed_mentions);
}

/** Discord's 50006: a new message needs content, an embed, a component, a file, a sticker or a poll. */
export function isEmptyMessage(message: Json): boolean {
  const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    (typeof message.content !== 'string' || message.content.length === 0) &&
    !nonEmpty(message.embeds) &&
    !nonEmpty(message.components) &&
    !nonEmpty(message.attachments) &&
    !nonEmpty(message.sticker_ids) &&
    message.poll === undefined
  );
}

/** Autocomplete result: at most 25 choices, names 1-100 characters, string values up to 100. */
export function checkAutocompleteChoices(c: ErrorCollector, data: unknown): void {
  if (!isObject(data)) {
    c.add(['data'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  checkArray(c, ['data', 'choices'], data.choices, Limits.autocompleteChoices).forEach((choice, i) => {
    checkChoice(c, ['data', 'choices', i], choice);
  });
  if (data.choices === undefined) c.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
}

export function checkChoice(c: ErrorCollector, path: Path, choice: unknown): void {
  if (!isObject(choice)) {
    c.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  checkString(c, [...path, 'name'], choice.name, Limits.choiceName, { min: 1, required: true });
  if (typeof choice.value === 'string') checkString(c, [...path, 'value'], choice.value, Limits.choiceStringValue, { min: 1 });
  else if (typeof choice.value !== 'number') c.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
}
