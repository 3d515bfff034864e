import type { Answer, Result } from '../answers/model.ts';

export interface RenderStyle {
  /** ANSI bold and dim for a terminal; plain text otherwise. */
  color: boolean;
}

const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;

/** A readable, cited answer for a terminal: every snippet followed by who printed it and where. */
export function renderAnswer(answer: Answer, style: RenderStyle): string {
  const [dimOn, dimOff] = style.color ? DIM : ['', ''];
  const lines: string[] = [answer.status === 'invalid' ? `Invalid: ${answer.message}` : answer.message];
  answer.results.forEach((result, index) => {
    lines.push('', ...renderResult(result, index + 1, style));
  });
  for (const figure of answer.figures ?? []) {
    lines.push('', `Figures for ${figure.counts}:`);
    for (const value of figure.values) lines.push(`  ${value.printed}  (${value.outlet})`);
  }
  if (answer.notes.length > 0) lines.push('', ...answer.notes);
  if (answer.overview) lines.push(`${dimOn}The pictures: npm run ask -- --overview <folder> writes them as PNG files.${dimOff}`);
  if (answer.status === 'empty' && answer.results.length === 0)
    lines.push(`${dimOn}Try /help, or /sources to see what the bot has read.${dimOff}`);
  return lines.join('\n');
}

function renderResult(result: Result, number: number, style: RenderStyle): string[] {
  const [dimOn, dimOff] = style.color ? DIM : ['', ''];
  const via = result.publishedVia ? ` (read via ${result.publishedVia})` : '';
  const date = result.date ? `, ${result.date}` : '';
  const republished = result.republishedBy?.length ? `; republished by ${result.republishedBy.join(', ')}` : '';
  const label = result.label ? `[${result.label}] ` : '';
  const speaker = result.speaker
    ? `${result.speaker}${result.speakerAsPrinted && result.speakerAsPrinted !== result.speaker ? ` (printed as "${result.speakerAsPrinted}")` : ''}: `
    : '';
  const lines = [
    `${number}. ${label}${speaker}${emphasise(result.snippet, result.highlights, style)}`,
    `   ${dimOn}— ${result.outlet}${via}, ${result.headline === null ? 'no headline printed' : `"${result.headline}"`}${date}${republished}${dimOff}`,
    `   ${dimOn}${result.url}${dimOff}`,
  ];
  if (result.asQuoted) {
    lines.splice(
      1,
      0,
      `   The message has: "${markDiffering(result.asQuoted.text, result.asQuoted.highlights, style)}" (differing words marked)`,
    );
  }
  const credit = result.sharedWords ? 'The same quoted words also in' : 'Also reported by';
  if (result.alsoIn.length > 0) lines.push(`   ${dimOn}${credit} ${result.alsoIn.map((other) => other.outlet).join(', ')}${dimOff}`);
  return lines;
}

/** Bold on a terminal; *stars* in plain text, where bold cannot show which words differ. */
function markDiffering(text: string, ranges: [number, number][], style: RenderStyle): string {
  if (style.color) return emphasise(text, ranges, style);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}*${text.slice(start, end)}*`;
    at = end;
  }
  return out + text.slice(at);
}

function emphasise(text: string, ranges: [number, number][], style: RenderStyle): string {
  if (!style.color || ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + BOLD[0] + text.slice(start, end) + BOLD[1];
    at = end;
  }
  return out + text.slice(at);
}
