import type { Challenge } from '../../src/contract/challenges.js';

/** A challenge as the API returns it, open and unanswered, for card and handler tests. Synthetic people. */
export const sampleChallenge = (overrides: Partial<Challenge> = {}): Challenge => ({
  id: '0b5f1f43-5d0a-4d5e-9a43-6f1a3c2b7e11',
  question: 'When will current health data be on the dashboard?',
  status: 'open',
  dueDate: '2026-12-15',
  overdue: false,
  raisedAt: '2026-11-20T10:00:00.000Z',
  raisedBy: { id: '11111111-1111-4111-8111-111111111111', name: 'Sam Scrutineer' },
  addressee: { personId: '22222222-2222-4222-8222-222222222222', name: 'Pat Partner', agencyName: 'NHS Trust' },
  observationId: null,
  forumId: null,
  forumName: null,
  outcome: null,
  impact: null,
  responses: [],
  ...overrides,
});
