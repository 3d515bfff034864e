/** A logger that keeps its lines, so a test can read what the desk reported. */
export function logLines() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const log =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, msg, fields });
  return { lines, logger: { info: log('info'), warn: log('warn'), error: log('error') } };
}
