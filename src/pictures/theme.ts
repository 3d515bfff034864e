/**
 * The pictures' colours. Discord shows a picture as it is on a dark or a light theme, so each picture is
 * an opaque card that carries its own background: its text keeps the same contrast on either theme. Every
 * text colour is at least 4.5:1 against the card (WCAG AA), checked by the tests.
 */
export const THEME = {
  background: '#f8fafc',
  border: '#94a3b8',
  text: '#0f172a',
  muted: '#475569',
  grid: '#e2e8f0',
  /** Shading of a cell that says the most; an empty cell is the background. */
  accent: '#1e40af',
  place: '#0f766e',
  person: '#9d174d',
  /** Text on a cell: dark on light shades, light on dark ones. */
  onLight: '#0f172a',
  onDark: '#ffffff',
} as const;

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two "#rrggbb" colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour `share` (0..1) of the way from the background to the accent. */
export function shade(share: number): string {
  const from = [1, 3, 5].map((at) => parseInt(THEME.background.slice(at, at + 2), 16));
  const to = [1, 3, 5].map((at) => parseInt(THEME.accent.slice(at, at + 2), 16));
  const t = Math.min(1, Math.max(0, share));
  return `#${from
    .map((c, i) =>
      Math.round(c + (to[i]! - c) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The text colour that reads best on `fill`. */
export function textOn(fill: string): string {
  return contrast(fill, THEME.onLight) >= contrast(fill, THEME.onDark) ? THEME.onLight : THEME.onDark;
}

/** Least contrast between a cell's count and its fill (WCAG AA for text). */
export const MIN_CONTRAST = 4.5;

/**
 * A cell's fill for `share` (0..1 of the most any cell says) and the ink for its count. Between the
 * shades where dark text reads and those where white text reads lies a band where neither reaches 4.5:1;
 * a share that lands there is drawn a little darker, with white ink.
 */
export function cellColours(share: number): { fill: string; ink: string } {
  for (let t = 0.12 + 0.88 * Math.min(1, Math.max(0, share)); t <= 1; t += 0.02) {
    const fill = shade(t);
    const ink = textOn(fill);
    if (contrast(fill, ink) >= MIN_CONTRAST) return { fill, ink };
  }
  return { fill: THEME.accent, ink: THEME.onDark };
}
