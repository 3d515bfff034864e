import type { CoverageOverview } from '../answers/model.ts';
import { overviewChart } from './overview-chart.ts';
import type { Picture } from './picture.ts';
import { svgToPng } from './png.ts';
import { timelineChart } from './timeline-chart.ts';

/**
 * The /overview pictures, for every front end: the coverage matrix and, when dates are known, the
 * coverage over time, each as SVG and PNG.
 */

export type { Picture } from './picture.ts';

export interface RenderedPicture extends Picture {
  png: Buffer;
}

export function overviewPictures(data: CoverageOverview): RenderedPicture[] {
  const pictures = [overviewChart(data), timelineChart(data)].filter((picture): picture is Picture => picture !== undefined);
  return pictures.map((picture) => ({ ...picture, png: svgToPng(picture.svg) }));
}
