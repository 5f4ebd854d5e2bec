import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { ErrorState } from '../components/error-state.js';
import { StandalonePage } from '../components/standalone-page.js';

/** In a plain browser signed in through Entra, with no sign-in MSAL can use silently: one click, a popup. */
export function MicrosoftSignIn({ onSignIn }: { onSignIn: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const signIn = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onSignIn();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <StandalonePage title="Sign in to Line of Sight" intro="Sign in with your Microsoft work account. A Microsoft window opens; when you have signed in there, you come back here.">
      {problem && <ErrorState title="Signing in did not finish." message={problem} />}
      <Button appearance="primary" disabled={busy} onClick={() => void signIn()}>
        {busy ? 'Signing in…' : 'Sign in with Microsoft'}
      </Button>
    </StandalonePage>
  );
}
