import { useId, useRef, useState } from 'react';
import { ToggleButton, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useElementWidth } from '../papers/use-element-width.js';
import { BarChart } from './bar-chart.js';
import type { ChartSpec } from './chart-spec.js';
import { ChartTable } from './chart-table.js';
import { safeId, Swatch } from './chart-patterns.js';

const useStyles = makeStyles({
  figure: {
    margin: `0 0 ${tokens.spacingVerticalXL}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  caption: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalS },
  title: { ...typographyStyles.subtitle2 },
  about: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}`, flexBasis: '100%' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, listStyleType: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0 0` },
  key: { ...typographyStyles.caption1, display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  body: { minWidth: 0 },
  empty: { margin: 0 },
});

/**
 * A chart in a figure: its caption, the SVG (at the figure's own width) with a legend, and a toggle to
 * the same numbers as a table.
 */
export function ChartFigure({ spec }: { spec: ChartSpec }) {
  const styles = useStyles();
  const prefix = `chart-${safeId(useId())}`;
  const body = useRef<HTMLDivElement>(null);
  const width = useElementWidth(body);
  const [asTable, setAsTable] = useState(false);
  const hasData = spec.groups.some((g) => g.bars.length > 0);
  return (
    <figure className={styles.figure} aria-labelledby={`${prefix}-caption`} data-figure={spec.id}>
      <figcaption className={styles.caption}>
        <span id={`${prefix}-caption`} className={styles.title}>
          {spec.title}
        </span>
        {hasData && (
          <ToggleButton size="small" checked={asTable} onClick={() => setAsTable((t) => !t)} aria-describedby={`${prefix}-caption`}>
            Table view
          </ToggleButton>
        )}
        <span className={styles.about}>{spec.description}</span>
      </figcaption>
      <div ref={body} className={styles.body}>
        {!hasData ? (
          <p className={styles.empty}>{spec.empty ?? 'Nothing to show for this period.'}</p>
        ) : asTable ? (
          <ChartTable caption={spec.title} table={spec.table} />
        ) : (
          width > 0 && (
            <>
              <BarChart spec={spec} width={width} prefix={prefix} />
              <ul className={styles.legend} aria-label={`Key to ${spec.title}`}>
                {spec.legend.map((l) => (
                  <li key={l.fill} className={styles.key}>
                    <Swatch prefix={prefix} fill={l.fill} />
                    {l.label}
                  </li>
                ))}
              </ul>
            </>
          )
        )}
      </div>
    </figure>
  );
}
