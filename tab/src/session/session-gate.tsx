import { useDevSession } from '../auth/use-dev-session.js';
import { ChunkView } from '../components/chunk-view.js';
import { SIGN_IN_PAGE } from '../router/page-chunks.js';
import type { HostInfo } from '../teams/teams-host.js';
import { SignedIn } from './signed-in.js';

/** Signed out: the sign-in page. Signed in: the app, for the chosen person. */
export function SessionGate({ host }: { host: HostInfo }) {
  const { personId, signIn, signOut } = useDevSession();
  if (!personId) {
    return (
      <ChunkView part={SIGN_IN_PAGE} loadingLabel="Loading sign-in…">
        {(SignInPage) => <SignInPage onSignIn={signIn} />}
      </ChunkView>
    );
  }
  return <SignedIn key={personId} host={host} onSwitchPerson={signOut} />;
}
