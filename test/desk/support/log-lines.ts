import { createLogger } from '../../../src/runtime/log.ts';

/** The desk's real logger, keeping its lines, so a test can read what the desk reported. */
export function logLines() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const logger = createLogger({
    level: 'debug',
    write: (line) => {
      const { level, msg, ...fields } = JSON.parse(line) as Record<string, unknown> & { level: string; msg: string };
      lines.push({ level, msg, fields });
    },
  });
  return { lines, logger };
}
