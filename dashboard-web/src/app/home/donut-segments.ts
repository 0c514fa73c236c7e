import type { StatusCount } from '@contract/api-types';
import { StatusTone, statusTone } from '../shared/status-tone';

/** One arc of the donut, drawn as a dashed circle whose circumference is 100 units. */
export interface DonutSegment {
  readonly status: string;
  readonly count: number;
  readonly tone: StatusTone;
  /** Share of the total, 0..100. */
  readonly percent: number;
  readonly dashArray: string;
  readonly dashOffset: number;
}

/** SVG circle radius whose circumference is 100, so dash lengths are percentages. */
export const DONUT_RADIUS = 100 / (2 * Math.PI);

/** Arcs in the given order, clockwise from 12 o'clock; empty when nothing is counted. */
export function donutSegments(counts: readonly StatusCount[]): DonutSegment[] {
  const total = counts.reduce((sum, c) => sum + Math.max(0, c.count), 0);
  if (total === 0) {
    return [];
  }
  let before = 0;
  return counts
    .filter((c) => c.count > 0)
    .map((c) => {
      const percent = (c.count / total) * 100;
      // A circle's dash starts at 3 o'clock; an offset of 25 moves it to 12 o'clock.
      const segment: DonutSegment = {
        status: c.status,
        count: c.count,
        tone: statusTone(c.status),
        percent,
        dashArray: `${percent} ${100 - percent}`,
        dashOffset: 25 - before,
      };
      before += percent;
      return segment;
    });
}
