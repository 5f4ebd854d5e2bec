import { endpoints } from '../contract/endpoints.js';
import type { SignInSettings } from '../contract/sign-in.js';
import type { ApiRoutes } from './api-routes.js';

/** How the tab signs in: the same answer for everyone, before anyone has signed in. */
export function registerSignInHandlers(routes: ApiRoutes, settings: SignInSettings): void {
  routes.add(endpoints.signInSettings, async () => settings);
}
