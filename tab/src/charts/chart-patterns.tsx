import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Fill } from './chart-spec.js';

/*
 * Each fill is a theme colour AND a pattern: solid, diagonal stripes, a grid, or an outline. In the high
 * contrast theme every palette colour is the same (white on black), so the pattern alone tells the parts
 * apart; the numbers are always written beside the bars as well.
 */
const useStyles = makeStyles({
  red: { fill: tokens.colorPaletteRedBackground3, stroke: tokens.colorPaletteRedBackground3 },
  amber: { fill: tokens.colorPaletteMarigoldBackground3, stroke: tokens.colorPaletteMarigoldBackground3 },
  green: { fill: tokens.colorPaletteGreenBackground3, stroke: tokens.colorPaletteGreenBackground3 },
  brand: { fill: tokens.colorBrandBackground, stroke: tokens.colorBrandBackground },
  none: { fill: 'none' },
  edge: { stroke: tokens.colorNeutralForeground1, strokeWidth: '1px' },
  dashed: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px', strokeDasharray: '4 2' },
});

type Look = 'solid' | 'stripes' | 'grid' | 'outline';
const LOOK: Record<Fill, { look: Look; colour: 'red' | 'amber' | 'green' | 'brand' | 'none' }> = {
  red: { look: 'solid', colour: 'red' },
  amber: { look: 'stripes', colour: 'amber' },
  green: { look: 'grid', colour: 'green' },
  concern: { look: 'solid', colour: 'red' },
  tooEarly: { look: 'stripes', colour: 'amber' },
  goneWell: { look: 'grid', colour: 'green' },
  used: { look: 'solid', colour: 'brand' },
  planned: { look: 'stripes', colour: 'brand' },
  budget: { look: 'outline', colour: 'none' },
  count: { look: 'solid', colour: 'brand' },
};

/** A fragment of an element id that is safe inside url(#…). */
export const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '');

export const patternId = (prefix: string, fill: Fill) => `${prefix}-${fill}`;

/** The <defs> a chart's bars refer to: one pattern per fill it uses. */
export function ChartPatterns({ prefix, fills }: { prefix: string; fills: readonly Fill[] }) {
  const styles = useStyles();
  return (
    <defs>
      {[...new Set(fills)].map((fill) => {
        const { look, colour } = LOOK[fill];
        const cls = styles[colour];
        const id = patternId(prefix, fill);
        if (look === 'stripes') {
          return (
            <pattern key={fill} id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="3" height="6" className={cls} />
            </pattern>
          );
        }
        if (look === 'grid') {
          return (
            <pattern key={fill} id={id} width="6" height="6" patternUnits="userSpaceOnUse">
              <path d="M0 0.75H6M0.75 0V6" strokeWidth="1.5" className={cls} />
              <rect x="2.5" y="2.5" width="2.5" height="2.5" className={cls} />
            </pattern>
          );
        }
        return null;
      })}
    </defs>
  );
}

/** A bar's fill: a solid class, or a pattern reference; and an edge so each part stands out from the next. */
export function useFillProps(prefix: string) {
  const styles = useStyles();
  return (fill: Fill): { className: string; fill?: string } => {
    const { look, colour } = LOOK[fill];
    if (look === 'solid') return { className: mergeClasses(styles[colour], styles.edge) };
    if (look === 'outline') return { className: styles.dashed };
    return { className: styles.edge, fill: `url(#${patternId(prefix, fill)})` };
  };
}

/** A legend's sample of a fill. */
export function Swatch({ prefix, fill }: { prefix: string; fill: Fill }) {
  // Its own pattern ids: an id must be used once in the page.
  const own = `${prefix}-key`;
  const props = useFillProps(own);
  return (
    <svg width="20" height="14" aria-hidden="true" focusable="false">
      <ChartPatterns prefix={own} fills={[fill]} />
      <rect x="1" y="1" width="18" height="12" {...props(fill)} />
    </svg>
  );
}
