import { Badge, Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { ROLE_LABELS } from '../../../src/domain/vocabulary.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  block: { minWidth: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  product: { ...typographyStyles.caption1Strong, margin: 0, color: tokens.colorNeutralForeground2 },
  partnershipLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  partnership: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: 'anywhere' },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  personName: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: 'anywhere' },
  personRole: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Who is signed in, to which partnership; and the way to switch. */
export function AppHeader({
  membership,
  onSwitchPerson,
  onSwitchPartnership,
}: {
  membership: Me;
  onSwitchPerson?: () => void;
  onSwitchPartnership?: () => void;
}) {
  const styles = useStyles();
  const { person, partnership } = membership;
  return (
    <header className={styles.header}>
      <div className={styles.block}>
        <p className={styles.product}>Line of Sight</p>
        <div className={styles.partnershipLine}>
          <p className={styles.partnership}>{partnership.name}</p>
          {partnership.isSynthetic && (
            <Badge appearance="outline" color="informative">
              Synthetic demo data
            </Badge>
          )}
        </div>
      </div>
      <div className={styles.person}>
        <div className={styles.block}>
          <p className={styles.personName}>
            <span className={styles.personRole}>Signed in as </span>
            {person.displayName}
          </p>
          <p className={styles.personRole}>
            {ROLE_LABELS[person.role]}
            {person.agencyName ? ` · ${person.agencyName}` : ''}
          </p>
        </div>
        {onSwitchPartnership && (
          <Button size="small" onClick={onSwitchPartnership}>
            Switch partnership
          </Button>
        )}
        {onSwitchPerson && (
          <Button size="small" onClick={onSwitchPerson}>
            Switch person
          </Button>
        )}
      </div>
    </header>
  );
}
