import type {
  ActionSource,
  ActionStatus,
  ChallengeStatus,
  EvidenceType,
  Judgement,
  Rag,
  WorkPlanActivityKind,
} from '../domain/vocabulary.js';
import { DEMO_ACTION_PLAN } from './demo-action-plan.js';

/**
 * The scrutiny work already done in the demo partnership this year: observations,
 * challenges, actions, escalations and the work plan. Synthetic, in the users' own words.
 * Area keys refer to the default checklist framework (checklists/frameworks/tasp-checklist.v1.json).
 */
export interface DemoObservation {
  forum: string;
  /** Which of that forum's past meetings, counting back from the latest (0 = latest). */
  meetingsAgo: number;
  body: string;
  areas: string[];
  judgement: Judgement;
  evidenceType: EvidenceType;
  shared: boolean;
}

export const DEMO_OBSERVATIONS: DemoObservation[] = [
  { forum: 'executive', meetingsAgo: 0, body: 'All three statutory partners were represented at the right level and the decisions on the budget were minuted with owners.', areas: ['leadership'], judgement: 'gone_well', evidenceType: 'meeting_observation', shared: true },
  { forum: 'executive', meetingsAgo: 1, body: 'Funding for the business unit agreed for one year only; the partners could not say how the shortfall for next year will be met.', areas: ['leadership'], judgement: 'concern', evidenceType: 'meeting_observation', shared: true },
  { forum: 'executive', meetingsAgo: 2, body: 'The joint protocol with the Safeguarding Adults Board on transitions is new; too early to see whether young people notice a difference.', areas: ['leadership', 'outcomes-for-children'], judgement: 'too_early', evidenceType: 'paper_or_data', shared: false },
  { forum: 'board', meetingsAgo: 0, body: 'Schools and the voluntary sector spoke to every item and challenged the police on attendance at strategy discussions.', areas: ['engagement-of-relevant-agencies'], judgement: 'gone_well', evidenceType: 'meeting_observation', shared: true },
  { forum: 'board', meetingsAgo: 1, body: 'Probation and housing were absent for the third meeting running; no one asked why.', areas: ['engagement-of-relevant-agencies'], judgement: 'concern', evidenceType: 'meeting_observation', shared: true },
  { forum: 'qa', meetingsAgo: 0, body: 'The neglect audit drew on case files from five agencies and the findings were graded honestly; two cases were judged inadequate.', areas: ['quality-assurance-and-information-sharing'], judgement: 'gone_well', evidenceType: 'audit', shared: true },
  { forum: 'qa', meetingsAgo: 0, body: 'Health data on the dashboard is two quarters old; the subgroup cannot see current demand at the front door.', areas: ['quality-assurance-and-information-sharing'], judgement: 'concern', evidenceType: 'paper_or_data', shared: false },
  { forum: 'qa', meetingsAgo: 1, body: 'Section 11 self-assessments returned by 14 of 16 agencies; the two outstanding are both schools trusts.', areas: ['quality-assurance-and-information-sharing', 'engagement-of-relevant-agencies'], judgement: 'too_early', evidenceType: 'audit', shared: true },
  { forum: 'qa', meetingsAgo: 2, body: 'Parents interviewed for the audit said they were not told what the plan was for; their words were quoted in the report.', areas: ['outcomes-for-children', 'quality-assurance-and-information-sharing'], judgement: 'concern', evidenceType: 'voice_of_children_and_families', shared: true },
  { forum: 'case-review', meetingsAgo: 0, body: 'The rapid review was completed inside 15 working days with all agencies\' chronologies.', areas: ['learning-from-reviews'], judgement: 'gone_well', evidenceType: 'meeting_observation', shared: true },
  { forum: 'case-review', meetingsAgo: 1, body: 'Learning from the last practice review has a briefing, but no one could say which teams have used it.', areas: ['learning-from-reviews', 'training-and-workforce'], judgement: 'concern', evidenceType: 'meeting_observation', shared: false },
  { forum: 'case-review', meetingsAgo: 2, body: 'Practitioners at the learning event said the escalation policy is hard to find; the subgroup agreed to fix it.', areas: ['learning-from-reviews'], judgement: 'too_early', evidenceType: 'voice_of_practitioners', shared: true },
  { forum: 'case-review', meetingsAgo: 3, body: 'Referral criteria for serious incident notifications were re-circulated to all partners after a late notification.', areas: ['learning-from-reviews'], judgement: 'gone_well', evidenceType: 'paper_or_data', shared: true },
  { forum: 'learning', meetingsAgo: 0, body: 'Training take-up is reported by agency for the first time; police and health uptake is below half of the target.', areas: ['training-and-workforce'], judgement: 'concern', evidenceType: 'paper_or_data', shared: true },
  { forum: 'learning', meetingsAgo: 1, body: 'The new neglect course was designed with two care-experienced young people.', areas: ['training-and-workforce', 'outcomes-for-children'], judgement: 'gone_well', evidenceType: 'voice_of_children_and_families', shared: true },
  { forum: 'exploitation', meetingsAgo: 0, body: 'Return home interviews offered within 72 hours in 68% of missing episodes; the subgroup did not discuss why the rest were missed.', areas: ['outcomes-for-children', 'quality-assurance-and-information-sharing'], judgement: 'concern', evidenceType: 'paper_or_data', shared: false },
  { forum: 'exploitation', meetingsAgo: 1, body: 'Young people from the youth forum presented their own map of places where they feel unsafe; partners committed to act on it.', areas: ['outcomes-for-children'], judgement: 'gone_well', evidenceType: 'voice_of_children_and_families', shared: true },
  { forum: 'exploitation', meetingsAgo: 2, body: 'Contextual safeguarding pilot in the North locality started in September; impact not yet measurable.', areas: ['outcomes-for-children'], judgement: 'too_early', evidenceType: 'meeting_observation', shared: true },
];

export interface DemoChallenge {
  forum: string;
  addressee: string;
  question: string;
  raisedDaysAgo: number;
  dueInDays: number;
  status: ChallengeStatus;
  answer?: { by: string; body: string; daysAgo: number };
  outcome?: string;
  impact?: string;
}

export const DEMO_CHALLENGES: DemoChallenge[] = [
  { forum: 'board', addressee: 'police-lead', question: 'Police attendance at initial strategy discussions was 61% last quarter. What is the plan to reach the 90% the partnership agreed, and by when?', raisedDaysAgo: 40, dueInDays: -10, status: 'accepted', answer: { by: 'police-lead', body: 'A duty DS rota for strategy discussions started on 1 October; attendance in October was 88%. We will report monthly to the Executive.', daysAgo: 20 }, outcome: 'Rota in place and reported monthly.', impact: 'Attendance rose from 61% to 88% in one month.' },
  { forum: 'qa', addressee: 'icb-lead', question: 'Health data on the QA dashboard is two quarters old. When will current data be provided, and who is accountable for it?', raisedDaysAgo: 12, dueInDays: 9, status: 'open' },
  { forum: 'executive', addressee: 'dcs', question: 'The business unit is funded for one year only. How will the partners meet next year\'s shortfall, and what will stop if they do not?', raisedDaysAgo: 30, dueInDays: -2, status: 'answered', answer: { by: 'dcs', body: 'The three partners will bring a funding proposal to the February Executive, based on the agreed formula.', daysAgo: 6 } },
  { forum: 'learning', addressee: 'icb-lead', question: 'Health uptake of multi-agency training is 42% against a target of 80%. What is stopping staff attending, and what will change?', raisedDaysAgo: 8, dueInDays: 20, status: 'open' },
  { forum: 'case-review', addressee: 'qa-chair', question: 'Which teams have used the practice review briefing, and how do you know it changed practice?', raisedDaysAgo: 50, dueInDays: -25, status: 'escalated', answer: { by: 'qa-chair', body: 'We do not yet collect this. We will add it to the next multi-agency audit.', daysAgo: 35 }, outcome: 'No partner can yet say whether review learning changes practice; the Executive is asked to agree who will measure it.' },
  { forum: 'exploitation', addressee: 'ex-chair', question: 'Why were a third of return home interviews not offered within 72 hours, and what is the plan?', raisedDaysAgo: 3, dueInDays: 25, status: 'open' },
];

export interface DemoAction {
  ref: string;
  title: string;
  source: ActionSource;
  area: string;
  owner: string;
  forum: string;
  dueInDays: number;
  status: ActionStatus;
  percent: number;
  evidence?: string;
  /** The agency it is addressed to, when not the owner's. */
  agency?: string;
  /** The latest update in its history, with who made it and why. */
  update?: { by: string; daysAgo: number; comment: string };
}

export const DEMO_ACTIONS: DemoAction[] = [
  { ref: 'SCR-01', title: 'Publish a plain-English summary of the partnership\'s arrangements for families.', source: 'scrutiny', area: 'leadership', owner: 'bm', forum: 'executive', dueInDays: 45, status: 'in_progress', percent: 60 },
  { ref: 'SCR-02', title: 'Agree a three-year funding formula for the business unit.', source: 'scrutiny', area: 'leadership', owner: 'dcs', forum: 'executive', dueInDays: 80, status: 'in_progress', percent: 30 },
  { ref: 'CH-01', title: 'Report police attendance at strategy discussions monthly to the Executive.', source: 'challenge', area: 'engagement-of-relevant-agencies', owner: 'police-lead', forum: 'executive', dueInDays: -5, status: 'complete', percent: 100, evidence: 'https://demo-borough.sharepoint.example/sites/scp/Shared%20Documents/Executive/strategy-discussion-attendance.xlsx' },
  { ref: 'MIN-01', title: 'Follow up absence of probation and housing at the Partnership Board.', source: 'minutes', area: 'engagement-of-relevant-agencies', owner: 'bm', forum: 'board', dueInDays: -12, status: 'in_progress', percent: 20 },
  { ref: 'AUD-01', title: 'Re-audit the two neglect cases judged inadequate within three months.', source: 'audit', area: 'quality-assurance-and-information-sharing', owner: 'qa-chair', forum: 'qa', dueInDays: 30, status: 'in_progress', percent: 50 },
  { ref: 'AUD-02', title: 'Provide current health data for the QA dashboard.', source: 'audit', area: 'quality-assurance-and-information-sharing', owner: 'icb-lead', forum: 'qa', dueInDays: -3, status: 'not_started', percent: 0 },
  { ref: 'S11-01', title: 'Chase the two schools trusts for their Section 11 self-assessments.', source: 'section_11', area: 'quality-assurance-and-information-sharing', owner: 'ld-chair', forum: 'qa', dueInDays: 5, status: 'in_progress', percent: 40 },
  { ref: 'S11-02', title: 'Share Section 11 themes with the Partnership Board.', source: 'section_11', area: 'engagement-of-relevant-agencies', owner: 'qa-chair', forum: 'board', dueInDays: 60, status: 'not_started', percent: 0 },
  { ref: 'CR-01', title: 'Publish the 7-minute briefing from the latest practice review.', source: 'case_review', area: 'learning-from-reviews', owner: 'cr-chair', forum: 'case-review', dueInDays: -30, status: 'proposed_complete', percent: 100, evidence: 'https://demo-borough.sharepoint.example/sites/scp/Shared%20Documents/Case%20Review/7-minute-briefing.pdf' },
  { ref: 'CR-02', title: 'Make the escalation policy easy to find on every agency\'s intranet.', source: 'case_review', area: 'learning-from-reviews', owner: 'cr-chair', forum: 'case-review', dueInDays: 21, status: 'in_progress', percent: 70 },
  { ref: 'CR-03', title: 'Track which teams have used practice review briefings.', source: 'case_review', area: 'learning-from-reviews', owner: 'qa-chair', forum: 'case-review', dueInDays: -8, status: 'not_started', percent: 10 },
  { ref: 'LD-01', title: 'Raise health uptake of multi-agency training to 80%.', source: 'scrutiny', area: 'training-and-workforce', owner: 'icb-lead', forum: 'learning', dueInDays: 120, status: 'in_progress', percent: 25 },
  { ref: 'LD-02', title: 'Evaluate the impact of the neglect course on practice after six months.', source: 'minutes', area: 'training-and-workforce', owner: 'ld-chair', forum: 'learning', dueInDays: 150, status: 'not_started', percent: 0 },
  { ref: 'EX-01', title: 'Offer every return home interview within 72 hours; report exceptions monthly.', source: 'challenge', area: 'outcomes-for-children', owner: 'ex-chair', forum: 'exploitation', dueInDays: 40, status: 'in_progress', percent: 35 },
  { ref: 'EX-02', title: 'Act on the youth forum\'s map of unsafe places with the community safety partnership.', source: 'minutes', area: 'outcomes-for-children', owner: 'ex-chair', forum: 'exploitation', dueInDays: 75, status: 'in_progress', percent: 55 },
  ...DEMO_ACTION_PLAN,
];

export const DEMO_ESCALATIONS = [
  { title: 'Threshold for strategy discussions', issue: 'Police and children\'s social care disagreed on whether a referral met the threshold for a strategy discussion.', parties: ['la', 'police'], status: 'resolved' as const, resolution: 'Agreed at Head of Service level within five days; the threshold guidance is being clarified.' },
  { title: 'Health attendance at child protection conferences', issue: 'GP reports for initial conferences are often late or missing.', parties: ['la', 'icb'], status: 'in_resolution' as const, resolution: null },
];

export const DEMO_WORK_PLAN: { kind: WorkPlanActivityKind; title: string; forum?: string; planned: [number, number, number, number]; actual: [number, number, number, number] }[] = [
  { kind: 'observe_meeting', title: 'Observe Executive and Partnership Board', forum: 'executive', planned: [1, 1, 1, 1], actual: [1, 1, 0.5, 0] },
  { kind: 'observe_meeting', title: 'Observe subgroups', forum: 'qa', planned: [1.5, 1.5, 1.5, 1.5], actual: [1.5, 2, 0.5, 0] },
  { kind: 'read_papers', title: 'Read papers and minutes', planned: [1, 1, 1, 1], actual: [1.5, 1, 0.5, 0] },
  { kind: 'deep_dive', title: 'Deep dive: neglect', planned: [0, 2, 1, 0], actual: [0, 2.5, 0, 0] },
  { kind: 'visit', title: 'Visit the front door (MASH)', planned: [1, 0, 1, 0], actual: [1, 0, 0, 0] },
  { kind: 'meet_children_and_families', title: 'Meet the youth forum and parents\' group', planned: [0.5, 0.5, 0.5, 0.5], actual: [0.5, 0.5, 0, 0] },
  { kind: 'section_11_challenge', title: 'Section 11 challenge sessions', planned: [0, 1, 0, 0], actual: [0, 1, 0, 0] },
  { kind: 'reporting', title: 'Quarterly reports and the annual statement', planned: [0.5, 0.5, 0.5, 1.5], actual: [0.5, 0.5, 0, 0] },
];

/** RAG per area for the quarters so far, with a line of rationale. */
export const DEMO_ASSESSMENTS: Record<string, { rag: Rag; rationale: string }[]> = {
  leadership: [
    { rag: 'amber', rationale: 'Strong attendance and ownership; funding beyond this year unresolved.' },
    { rag: 'amber', rationale: 'Funding proposal promised for February.' },
  ],
  'engagement-of-relevant-agencies': [
    { rag: 'red', rationale: 'Probation and housing absent; police attendance at strategy discussions low.' },
    { rag: 'amber', rationale: 'Police attendance improving fast; probation still absent.' },
  ],
  'outcomes-for-children': [
    { rag: 'amber', rationale: 'Good youth forum engagement; return home interviews too slow.' },
    { rag: 'amber', rationale: 'Youth forum map acted on; interview timeliness not yet improved.' },
  ],
  'quality-assurance-and-information-sharing': [
    { rag: 'green', rationale: 'Honest, multi-agency neglect audit.' },
    { rag: 'amber', rationale: 'Health data out of date on the dashboard.' },
  ],
  'learning-from-reviews': [
    { rag: 'amber', rationale: 'Reviews timely; no evidence of learning changing practice.' },
    { rag: 'amber', rationale: 'Briefing published; use not tracked.' },
  ],
  'training-and-workforce': [
    { rag: 'red', rationale: 'Uptake not reported by agency.' },
    { rag: 'red', rationale: 'Uptake now reported: police and health below half of target.' },
  ],
};
