import type { TeamsAuth } from './token-provider.js';

/** The consent window's size Teams is asked for (its own default is smaller than Entra's page). */
const WINDOW = { width: 600, height: 535 };

/** Teams SSO through teams-js, loaded only in Teams (the host handshake has initialised it by then). */
export async function loadTeamsAuth(): Promise<TeamsAuth> {
  const { authentication } = await import('@microsoft/teams-js');
  return {
    getAuthToken: () => authentication.getAuthToken(),
    authenticate: async (url) => {
      await authentication.authenticate({ url, ...WINDOW });
    },
  };
}
