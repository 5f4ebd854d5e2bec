import { useDevSession } from '../auth/use-dev-session.js';
import { useSignInSettings } from '../auth/use-sign-in-settings.js';
import { ChunkView } from '../components/chunk-view.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { StandalonePage } from '../components/standalone-page.js';
import { SIGN_IN_PAGE } from '../router/page-chunks.js';
import type { HostInfo } from '../teams/teams-host.js';
import { ConsentPrompt } from './consent-prompt.js';
import { SignedIn } from './signed-in.js';

/**
 * Dev sign-in: the sign-in page until a demo person is chosen, then the app for that person. Entra
 * sign-in: the app at once (Teams SSO, or MSAL in a browser, signs each call), with the consent prompt.
 */
export function SessionGate({ host }: { host: HostInfo }) {
  const { personId, signIn, signOut } = useDevSession();
  const { settings, failed, retry } = useSignInSettings();
  if (personId) return <SignedIn key={personId} host={host} onSwitchPerson={signOut} />;
  if (!settings) {
    return (
      <StandalonePage title="Signing you in">
        {failed ? (
          <ErrorState title="Could not find out how to sign you in." message="Line of Sight could not reach its server. Check your connection and try again." onRetry={retry} />
        ) : (
          <LoadingState label="Starting sign-in…" />
        )}
      </StandalonePage>
    );
  }
  if (settings.mode === 'entra') {
    return (
      <>
        <ConsentPrompt />
        <SignedIn host={host} />
      </>
    );
  }
  return (
    <ChunkView part={SIGN_IN_PAGE} loadingLabel="Loading sign-in…">
      {(SignInPage) => <SignInPage onSignIn={signIn} />}
    </ChunkView>
  );
}
