import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { layoutBars, LINE } from './bar-chart-layout.js';
import type { ChartSpec } from './chart-spec.js';
import { ChartPatterns, useFillProps } from './chart-patterns.js';

const useStyles = makeStyles({
  svg: { display: 'block', overflow: 'visible' },
  heading: { ...typographyStyles.body1Strong, fill: tokens.colorNeutralForeground1 },
  label: { ...typographyStyles.caption1, fill: tokens.colorNeutralForeground1 },
  value: { ...typographyStyles.caption1, fill: tokens.colorNeutralForeground2 },
});

/**
 * Horizontal bars in SVG, one image for assistive technology (role="img", named by its title and
 * described by its description); the same numbers are in the table view.
 */
export function BarChart({ spec, width, prefix }: { spec: ChartSpec; width: number; prefix: string }) {
  const styles = useStyles();
  const fillProps = useFillProps(prefix);
  const { marks, height } = layoutBars(spec, width);
  const fills = spec.groups.flatMap((g) => g.bars.flatMap((b) => b.segments.map((s) => s.fill)));
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return (
    <svg className={styles.svg} width={width} height={height} role="img" aria-labelledby={titleId} aria-describedby={descId} data-chart={spec.id}>
      <title id={titleId}>{spec.title}</title>
      <desc id={descId}>{spec.description}</desc>
      <ChartPatterns prefix={prefix} fills={fills} />
      {marks.map((m, i) => {
        switch (m.kind) {
          case 'heading':
            return (
              <text key={i} x={m.x} y={m.y} className={styles.heading}>
                {m.lines.map((line, j) => (
                  <tspan key={j} x={m.x} dy={j === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          case 'label':
            return (
              <text key={i} x={m.x} y={m.y} className={styles.label}>
                {m.text}
              </text>
            );
          case 'value':
            return (
              <text key={i} x={m.x} y={m.y} className={styles.value} data-value-text="">
                {m.lines.map((line, j) => (
                  <tspan key={j} x={m.x} dy={j === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          default:
            return <rect key={i} x={m.x} y={m.y} width={m.width} height={m.height} {...fillProps(m.fill)} data-bar={m.bar} data-fill={m.fill} data-value={m.value} />;
        }
      })}
    </svg>
  );
}
