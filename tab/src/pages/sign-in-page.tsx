import { useId } from 'react';
import {
  Badge,
  CompoundButton,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { DevPerson } from '../../../src/contract/index.js';
import { ROLES, ROLE_LABELS, type Role } from '../../../src/domain/vocabulary.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { StandalonePage } from '../components/standalone-page.js';

const useStyles = makeStyles({
  notice: { marginBlockEnd: tokens.spacingVerticalL },
  partnershipHeading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  roleGroup: { marginBlockStart: tokens.spacingVerticalL },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
  },
  person: {
    width: '100%',
    maxWidth: 'none',
    height: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    overflowWrap: 'anywhere',
  },
});

function personDetails(person: DevPerson): string {
  return [person.jobTitle, person.agencyName ?? 'No agency recorded'].filter(Boolean).join(' · ');
}

function groupByPartnership(people: DevPerson[]) {
  const groups = new Map<string, { partnership: DevPerson['partnership']; byRole: Map<Role, DevPerson[]> }>();
  for (const person of people) {
    let group = groups.get(person.partnership.id);
    if (!group) {
      group = { partnership: person.partnership, byRole: new Map() };
      groups.set(person.partnership.id, group);
    }
    const list = group.byRole.get(person.role) ?? [];
    list.push(person);
    group.byRole.set(person.role, list);
  }
  return [...groups.values()];
}

function RoleGroup({ role, people, onSignIn }: { role: Role; people: DevPerson[]; onSignIn: (id: string) => void }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className={styles.roleGroup}>
      <SectionHeading level={3} id={headingId}>
        {ROLE_LABELS[role]}
      </SectionHeading>
      <ul className={styles.list}>
        {people.map((person) => (
          <li key={person.id}>
            <CompoundButton className={styles.person} secondaryContent={personDetails(person)} onClick={() => onSignIn(person.id)}>
              {person.displayName}
            </CompoundButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PartnershipPeople({ group, onSignIn }: { group: ReturnType<typeof groupByPartnership>[number]; onSignIn: (id: string) => void }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <div className={styles.partnershipHeading}>
        <SectionHeading id={headingId}>{group.partnership.name}</SectionHeading>
        {group.partnership.isSynthetic && (
          <Badge appearance="outline" color="informative">
            Synthetic demo data
          </Badge>
        )}
      </div>
      {ROLES.filter((role) => group.byRole.has(role)).map((role) => (
        <RoleGroup key={role} role={role} people={group.byRole.get(role)!} onSignIn={onSignIn} />
      ))}
    </section>
  );
}

/** Where sign-in really happens when the server does not offer dev sign-in. */
function EntraSignInMessage() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Sign in through Microsoft Teams</MessageBarTitle> This server signs people in with Microsoft
        Entra ID. Open Line of Sight as a tab inside Microsoft Teams; signing in from a plain browser (single sign-on)
        arrives in a later release.
      </MessageBarBody>
    </MessageBar>
  );
}

/** Dev sign-in: pick a synthetic demo person to act as. Only offered when the server runs AUTH_MODE=dev. */
export default function SignInPage({ onSignIn, notice }: { onSignIn: (personId: string) => void; notice?: string }) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.devPeople);
  const notDevMode = state.status === 'error' && state.error.status === 404;

  return (
    <StandalonePage
      title="Sign in to Line of Sight"
      intro={notDevMode ? undefined : 'Choose who to act as. You can switch person at any time from the header.'}
    >
      {notice && (
        <MessageBar intent="warning" layout="multiline" className={styles.notice}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <LoadingState label="Loading the demo people…" />}
      {notDevMode && <EntraSignInMessage />}
      {state.status === 'error' && !notDevMode && (
        <ErrorState title="Could not load the demo people." message={state.error.message} onRetry={retry} />
      )}
      {state.status === 'ready' && (
        <>
          <MessageBar intent="warning" layout="multiline" className={styles.notice}>
            <MessageBarBody>
              <MessageBarTitle>Dev sign-in with synthetic demo data.</MessageBarTitle> Every person, partnership and
              paper listed here is invented for demonstration and testing. Real partnerships sign in with Microsoft
              Entra ID inside Teams.
            </MessageBarBody>
          </MessageBar>
          {state.data.people.length === 0 ? (
            <p>There are no demo people yet. Start the server with demo data (SEED_DEMO=true) and reload this page.</p>
          ) : (
            groupByPartnership(state.data.people).map((group) => (
              <PartnershipPeople key={group.partnership.id} group={group} onSignIn={onSignIn} />
            ))
          )}
        </>
      )}
    </StandalonePage>
  );
}
