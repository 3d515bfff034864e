import { escapeMarkdown } from 'discord.js';
import { truncate } from './limits.ts';

/** A zero-width space: breaks a mention or markdown token without changing what a reader sees. */
const ZWSP = '\u200b';

/**
 * Makes text safe to show in a message or embed: no markdown from it takes effect (bold, links,
 * headings, lists, code, spoilers) and no mention renders or pings (@everyone, @here, users, roles,
 * channels, slash-command links). Used on everything the bot did not write itself: source text and
 * the user's own words.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  // escapeMarkdown leaves block quotes alone; a line that starts with '>' would quote itself.
  return neutraliseMentions(escaped.replace(/^(\s*)>/gmu, '$1\\>'));
}

export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/giu, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:)/gu, `<${ZWSP}`);
}

/**
 * Escapes `raw` and shortens it (at a word boundary, before escaping, so an escape is never cut in
 * half) until the escaped text fits in `max` characters.
 */
export function fitEscaped(raw: string, max: number): string {
  return fitRendered(raw, max, escapeText);
}

/**
 * Renders `raw` with `render` and, while the result is longer than `max`, renders a shorter
 * word-boundary cut of `raw`. `render` must never make text shorter (escaping and markup only add). The cut is applied to the raw text, so markup added by `render`
 * (escapes, bold markers) is never split.
 */
export function fitRendered(raw: string, max: number, render: (text: string) => string): string {
  // Rendering only ever adds characters, so nothing past `max` raw characters can fit.
  let room = Math.min(raw.length, Math.max(0, max));
  let rendered = render(room < raw.length ? truncate(raw, room) : raw);
  while (rendered.length > max && room > 0) {
    const shrink = Math.max(1, Math.ceil(((rendered.length - max) * room) / rendered.length));
    room = Math.max(0, room - shrink);
    rendered = render(truncate(raw, room));
  }
  return rendered.length <= max ? rendered : '';
}
