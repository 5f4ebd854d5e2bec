import type { EvidenceActionView, EvidenceRequestView } from '../../src/services/evidence-request-view.js';

/** An action on an evidence request's card, open and the chair's. Synthetic. */
export const sampleEvidenceAction = (overrides: Partial<EvidenceActionView> = {}): EvidenceActionView => ({
  id: 'a1a1a1a1-1111-4111-8111-111111111111',
  reference: 'AUD-01',
  title: 'Re-audit the two neglect cases judged inadequate within three months.',
  dueDate: '2026-12-15',
  status: 'in_progress',
  percentComplete: 50,
  forumName: 'Quality Assurance Subgroup',
  evidence: [],
  editable: true,
  ...overrides,
});

/** An evidence request as a subgroup chair's card shows it, for card and handler tests. Synthetic people. */
export const sampleEvidenceRequest = (overrides: Partial<EvidenceRequestView> = {}): EvidenceRequestView => ({
  id: 'e0e0e0e0-0000-4000-8000-000000000000',
  partnershipId: 'b0b0b0b0-0000-4000-8000-000000000000',
  chairPersonId: 'c0c0c0c0-0000-4000-8000-000000000000',
  chairName: 'Dana Whitfield',
  trigger: 'schedule',
  status: 'sent',
  askedOn: '2026-11-23',
  answerBy: '2026-11-26',
  sentOn: '2026-11-23',
  remindersSent: 0,
  today: '2026-11-23',
  actions: [
    sampleEvidenceAction(),
    sampleEvidenceAction({
      id: 'a2a2a2a2-2222-4222-8222-222222222222',
      reference: 'CR-03',
      title: 'Track which teams have used practice review briefings.',
      dueDate: '2026-11-15',
      status: 'not_started',
      percentComplete: 10,
      forumName: 'Case Review Subgroup',
      evidence: [{ url: 'https://demoborough.sharepoint.com/sites/scp/Briefing%20log.xlsx', title: 'Briefing log.xlsx' }],
    }),
  ],
  ...overrides,
});
