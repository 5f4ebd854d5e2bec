import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { PartnershipOverview } from '../../../src/contract/index.js';

const useStyles = makeStyles({
  grid: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 8rem), 1fr))',
  },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  label: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  value: { ...typographyStyles.title3, margin: 0 },
});

/** The partnership's size at a glance: forums, meetings, documents, people. */
export function OverviewCounts({ counts }: { counts: PartnershipOverview['counts'] }) {
  const styles = useStyles();
  const items: [string, number][] = [
    ['Forums', counts.forums],
    ['Meetings', counts.meetings],
    ['Documents', counts.documents],
    ['People', counts.people],
  ];
  return (
    <dl className={styles.grid}>
      {items.map(([label, value]) => (
        <div key={label} className={styles.tile}>
          <dt className={styles.label}>{label}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
