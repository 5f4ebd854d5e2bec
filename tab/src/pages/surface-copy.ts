import type { RouteKey } from '../router/routes.js';

export type SurfaceKey = Exclude<RouteKey, 'home' | 'meeting' | 'search' | 'libraries' | 'papers'>;

/** What each surface will do, and what to do until it arrives. Plain words, no placeholders. */
export const SURFACE_COPY: Record<SurfaceKey, { purpose: string; next: string; related?: RouteKey }> = {
  tracker: {
    purpose:
      'One composite plan of every action and recommendation from scrutiny, challenges, minutes, case reviews and audits: owner, agency, due date, status, RAG and evidence. No action is signed off without evidence.',
    next: 'Keep your current Excel tracker for now: you will be able to import it here, and export the plan back to Excel.',
  },
  dashboard: {
    purpose:
      'Checklist areas by RAG rating over time, the evidence behind each area, blind spots (areas with no evidence this period), challenge statistics and the work-plan days used.',
    next: 'The dashboard fills from observations tagged to checklist areas. Start by recording observations in meetings.',
    related: 'meeting',
  },
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
