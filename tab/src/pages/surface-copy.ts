import type { RouteKey } from '../router/routes.js';

export type SurfaceKey = Exclude<RouteKey, 'home' | 'meeting' | 'search' | 'libraries' | 'papers' | 'tracker' | 'dashboard' | 'work-plan' | 'escalations' | 'reports' | 'data-protection'>;

/** What each surface will do, and what to do until it arrives. Plain words, no placeholders. */
export const SURFACE_COPY: Record<SurfaceKey, { purpose: string; next: string; related?: RouteKey }> = {
  challenges: {
    purpose:
      'Raise a challenge question to a named partner, follow their answer given in a Teams chat or channel card, record the outcome and the impact it made.',
    next: 'Challenges are not recorded here yet. Note them as observations in the meeting side panel for now.',
    related: 'meeting',
  },
};
