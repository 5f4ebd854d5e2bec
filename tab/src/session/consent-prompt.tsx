import { useSyncExternalStore } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { declineConsent, getConsentState, giveConsent, subscribeConsent } from '../auth/consent-store.js';
import { tokenProvider } from '../auth/credentials.js';

/**
 * Shown when the server needs the person's consent before it can use Microsoft 365 for them (a
 * consent_required answer): the call waits meanwhile, and is sent again once consent is given.
 */
export function ConsentPrompt() {
  const state = useSyncExternalStore(subscribeConsent, getConsentState, getConsentState);
  if (state.status === 'idle') return null;
  const asking = state.status === 'asking';
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Microsoft needs your consent</MessageBarTitle> {state.message}
        {state.status === 'failed' && ` ${state.problem}`}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={asking} onClick={() => void giveConsent(async () => (await tokenProvider()).consent())}>
          {asking ? 'Waiting for consent…' : 'Give consent'}
        </Button>
        <Button disabled={asking} onClick={declineConsent}>
          Not now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
