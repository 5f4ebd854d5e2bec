import { CompoundButton, makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { ROLE_LABELS } from '../../../src/domain/vocabulary.js';
import { StandalonePage } from '../components/standalone-page.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))',
  },
  choice: { width: '100%', maxWidth: 'none', height: '100%', justifyContent: 'flex-start', textAlign: 'start', overflowWrap: 'anywhere' },
});

/** For people in more than one partnership: choose which one to work in. */
export function MembershipPicker({ memberships, onChoose }: { memberships: Me[]; onChoose: (partnershipId: string) => void }) {
  const styles = useStyles();
  return (
    <StandalonePage title="Choose a partnership" intro="You belong to more than one partnership. Choose the one to work in; you can change it later from the header.">
      <ul className={styles.list}>
        {memberships.map((m) => (
          <li key={m.partnership.id}>
            <CompoundButton
              className={styles.choice}
              secondaryContent={`${ROLE_LABELS[m.person.role]}${m.partnership.isSynthetic ? ' · Synthetic demo data' : ''}`}
              onClick={() => onChoose(m.partnership.id)}
            >
              {m.partnership.name}
            </CompoundButton>
          </li>
        ))}
      </ul>
    </StandalonePage>
  );
}
