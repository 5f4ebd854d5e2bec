import { lazy, Suspense } from 'react';
import { useDevSession } from '../auth/use-dev-session.js';
import { LoadingState } from '../components/loading-state.js';
import type { HostInfo } from '../teams/teams-host.js';
import { SignedIn } from './signed-in.js';

const SignInPage = lazy(() => import('../pages/sign-in-page.js'));

/** Signed out: the sign-in page. Signed in: the app, for the chosen person. */
export function SessionGate({ host }: { host: HostInfo }) {
  const { personId, signIn, signOut } = useDevSession();
  if (!personId) {
    return (
      <Suspense fallback={<LoadingState label="Loading sign-in…" />}>
        <SignInPage onSignIn={signIn} />
      </Suspense>
    );
  }
  return <SignedIn key={personId} host={host} onSwitchPerson={signOut} />;
}
