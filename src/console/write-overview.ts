import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Desk } from '../desk/desk.ts';
import { overviewPictures } from '../pictures/index.ts';

/**
 * `npm run ask -- --overview <folder>`: the /overview pictures as files, the same PNGs Discord attaches
 * (and their SVG sources). Returns the paths written.
 */
export async function writeOverview(desk: Desk, folder: string): Promise<string[]> {
  const answer = await desk.answer({ command: 'overview', options: {} });
  if (answer.overview === undefined) throw new Error(`/overview gave no pictures: ${answer.message}`);
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const picture of overviewPictures(answer.overview)) {
    for (const [extension, content] of [
      ['png', picture.png],
      ['svg', picture.svg],
    ] as const) {
      const file = path.join(folder, `${picture.name}.${extension}`);
      await writeFile(file, content);
      written.push(file);
    }
  }
  return written;
}
