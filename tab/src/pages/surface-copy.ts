import type { RouteKey } from '../router/routes.js';

export type SurfaceKey = Exclude<RouteKey, 'home' | 'meeting' | 'search' | 'libraries' | 'papers' | 'tracker' | 'dashboard' | 'work-plan' | 'escalations'>;

/** What each surface will do, and what to do until it arrives. Plain words, no placeholders. */
export const SURFACE_COPY: Record<SurfaceKey, { purpose: string; next: string; related?: RouteKey }> = {
  reports: {
    purpose:
      'Draft the quarterly progress report and the annual statement of assurance as Word documents from your tagged evidence, with every claim linked to its source, then edit them and save them back to SharePoint.',
    next: 'Reports draw on observations, challenges and actions. Record those first; the drafts will be built from them.',
  },
  challenges: {
    purpose:
      'Raise a challenge question to a named partner, follow their answer given in a Teams chat or channel card, record the outcome and the impact it made.',
    next: 'Challenges are not recorded here yet. Note them as observations in the meeting side panel for now.',
    related: 'meeting',
  },
};
