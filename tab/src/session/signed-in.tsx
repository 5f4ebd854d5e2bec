import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import { useApi } from '../api/use-api.js';
import { ChunkView } from '../components/chunk-view.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { StandalonePage } from '../components/standalone-page.js';
import type { HostInfo } from '../teams/teams-host.js';
import { APP_SHELL } from '../router/page-chunks.js';
import { tokenProvider } from '../auth/credentials.js';
import { MembershipPicker } from './membership-picker.js';
import { MicrosoftSignIn } from './microsoft-sign-in.js';

/**
 * Asks the server who the caller is (`me`, usually prefetched by router/preload-route.ts) and picks the
 * partnership to work in: the only one, or the one the person chooses when there are several. Dev sign-in
 * passes `onSwitchPerson`; signed in through Entra there is no one to switch to.
 */
export function SignedIn({ host, onSwitchPerson }: { host: HostInfo; onSwitchPerson?: () => void }) {
  const { state, retry } = useApi(apiRoutes.me);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const switchPerson = onSwitchPerson && <Button onClick={onSwitchPerson}>Switch person</Button>;
  const signInWithMicrosoft = async () => {
    await (await tokenProvider()).signIn();
    retry();
  };

  if (state.status === 'loading') {
    return (
      <StandalonePage title="Signing you in">
        <LoadingState label="Finding your partnership…" />
      </StandalonePage>
    );
  }
  if (state.status === 'error') {
    if (state.error.code === 'sign_in_required') return <MicrosoftSignIn onSignIn={signInWithMicrosoft} />;
    const refused = state.error.status === 401;
    return (
      <StandalonePage title="Could not sign you in">
        <ErrorState
          title={
            state.error.code === 'sign_in_failed'
              ? 'Signing in did not work.'
              : refused
                ? 'The server did not accept this sign-in.'
                : 'Could not find out who you are.'
          }
          message={state.error.message}
          // Dev sign-in: a refused demo person stays refused. Entra: Teams or MSAL may do better next time.
          onRetry={refused && onSwitchPerson ? undefined : retry}
          actions={switchPerson}
        />
      </StandalonePage>
    );
  }

  const { memberships } = state.data;
  if (memberships.length === 0) {
    return (
      <StandalonePage title="No partnership found">
        <ErrorState
          title="You are not a member of any partnership here."
          message={
            onSwitchPerson
              ? 'If you signed in as a demo person, the demo data may have been reset: choose a person again.'
              : 'Ask your partnership’s business manager to add you, then reload this page.'
          }
          actions={switchPerson}
        />
      </StandalonePage>
    );
  }

  const membership = memberships.length === 1 ? memberships[0] : memberships.find((m) => m.partnership.id === chosenId);
  if (!membership) return <MembershipPicker memberships={memberships} onChoose={setChosenId} />;

  return (
    <ChunkView part={APP_SHELL} loadingLabel="Loading Line of Sight…">
      {(AppShell) => (
        <AppShell
          membership={membership}
          host={host}
          onSwitchPerson={membership.authMode === 'dev' ? onSwitchPerson : undefined}
          onSwitchPartnership={memberships.length > 1 ? () => setChosenId(null) : undefined}
        />
      )}
    </ChunkView>
  );
}
