/** The fills a chart can use; each pairs a theme colour with its own pattern (chart-patterns.tsx). */
export const FILLS = ['red', 'amber', 'green', 'goneWell', 'tooEarly', 'concern', 'planned', 'used', 'budget', 'count'] as const;
export type Fill = (typeof FILLS)[number];

export interface Segment {
  fill: Fill;
  value: number;
}

/** One bar: a short label beside it, its parts (one, or several stacked), and its numbers in words. */
export interface Bar {
  label: string;
  segments: Segment[];
  text: string;
}

/** Bars under a heading (an area, a quarter), or without one. */
export interface BarGroup {
  label: string | null;
  bars: Bar[];
}

export interface TableSpec {
  head: string[];
  /** The first cell of each row heads it (a row header). */
  rows: (string | number)[][];
}

/**
 * A chart and its table, made from the same numbers so that they can never disagree: the SVG draws
 * `groups`, the table view shows `table`.
 */
export interface ChartSpec {
  id: string;
  title: string;
  /** The chart's point in a sentence or two, read by screen readers with the image. */
  description: string;
  legend: { fill: Fill; label: string }[];
  groups: BarGroup[];
  table: TableSpec;
  /** Used when nothing is counted yet: what it would show and how to get there. */
  empty?: string;
}
