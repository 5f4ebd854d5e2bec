import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { TableSpec } from './chart-spec.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', minWidth: '100%' },
  cell: {
    ...typographyStyles.body1,
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  head: { ...typographyStyles.body1Strong, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
});

/** A chart's numbers as a real table (its caption is the chart's title). */
export function ChartTable({ caption, table }: { caption: string; table: TableSpec }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller} role="region" aria-label={`${caption}: table`} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.head}>{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className={styles.cell}>
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={mergeClasses(styles.cell, typeof cell === 'number' && styles.number)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
