import { endpoint, none } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { SignInSettings } from '../sign-in.js';

/** How the tab signs in: asked before any sign-in, so public. */
export const signInEndpoints = {
  signInSettings: endpoint({
    ...apiRoutes.signInSettings,
    params: none,
    query: none,
    body: none,
    response: SignInSettings,
  }),
};
