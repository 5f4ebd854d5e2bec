import { makeStyles, tokens } from '@fluentui/react-components';
import type { Dashboard } from '../../../src/contract/dashboard.js';
import { SectionHeading } from '../components/section-heading.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalXL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  text: { margin: 0 },
});

/** Areas with no evidence in the period, and areas with no voice of children and families. */
export function BlindSpots({ dashboard }: { dashboard: Dashboard }) {
  const styles = useStyles();
  const { noEvidence, noVoiceOfChildrenAndFamilies } = dashboard.blindSpots;
  return (
    <section aria-labelledby="dashboard-blind-spots">
      <SectionHeading id="dashboard-blind-spots">Blind spots</SectionHeading>
      <div className={styles.grid}>
        <div>
          <SectionHeading level={3}>No evidence in {dashboard.period.label}</SectionHeading>
          {noEvidence.length === 0 ? (
            <p className={styles.text}>Every checklist area has some evidence in this period.</p>
          ) : (
            <ul className={styles.list} data-testid="blind-spots-no-evidence">
              {noEvidence.map((a) => (
                <li key={a.areaId}>{a.title}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <SectionHeading level={3}>No voice of children and families</SectionHeading>
          {noVoiceOfChildrenAndFamilies.length === 0 ? (
            <p className={styles.text}>Every checklist area has a shared observation with the voice of children and families.</p>
          ) : (
            <ul className={styles.list}>
              {noVoiceOfChildrenAndFamilies.map((a) => (
                <li key={a.areaId}>{a.title}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
