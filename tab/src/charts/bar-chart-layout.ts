import type { ChartSpec, Fill } from './chart-spec.js';
import { CHAR_PX, wrapText } from './wrap-text.js';

export const LINE = 18;
const BAR = 16;
const GAP = 8;
const GROUP_GAP = 14;
const PAD = 4;

export type Mark =
  | { kind: 'heading'; x: number; y: number; lines: string[] }
  | { kind: 'label'; x: number; y: number; text: string }
  | { kind: 'value'; x: number; y: number; lines: string[] }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: Fill; value: number; bar: string };

/**
 * Where everything goes, for a width in CSS pixels (the chart is drawn at its real size: a scaled
 * viewBox would shrink the text in a narrow panel). Each bar's label sits at its left, the bar after it
 * and its numbers after the bar; when that leaves too little room (a narrow panel) the numbers go on a
 * line of their own under the bar. Pure, so it is tested without a browser.
 */
export function layoutBars(spec: ChartSpec, width: number): { marks: Mark[]; height: number } {
  const marks: Mark[] = [];
  const bars = spec.groups.flatMap((g) => g.bars);
  const labelWidth = Math.min(Math.max(...bars.map((b) => b.label.length), 1) * CHAR_PX + 8, width * 0.35);
  const longestText = Math.max(...bars.map((b) => b.text.length), 1) * CHAR_PX;
  const inline = width - labelWidth - longestText - 16 >= width * 0.3;
  const barArea = Math.max(20, inline ? width - labelWidth - longestText - 16 : width - labelWidth - PAD);
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((sum, s) => sum + s.value, 0)));
  let y = PAD;
  spec.groups.forEach((group, gi) => {
    if (gi > 0) y += GROUP_GAP - GAP;
    if (group.label) {
      const lines = wrapText(group.label, width - PAD);
      marks.push({ kind: 'heading', x: 0, y: y + LINE - 4, lines });
      y += lines.length * LINE + 2;
    }
    for (const bar of group.bars) {
      marks.push({ kind: 'label', x: 0, y: y + BAR - 3, text: bar.label });
      let x = labelWidth;
      for (const s of bar.segments) {
        const w = (s.value / max) * barArea;
        if (s.value > 0) marks.push({ kind: 'rect', x, y, width: Math.max(w, 2), height: BAR, fill: s.fill, value: s.value, bar: `${group.label ?? ''}|${bar.label}` });
        x += w;
      }
      if (inline) {
        marks.push({ kind: 'value', x: x + 6, y: y + BAR - 3, lines: [bar.text] });
        y += BAR + GAP;
      } else {
        const lines = wrapText(bar.text, width - PAD);
        marks.push({ kind: 'value', x: 0, y: y + BAR + LINE - 4, lines });
        y += BAR + lines.length * LINE + GAP;
      }
    }
  });
  return { marks, height: Math.ceil(y + PAD) };
}
