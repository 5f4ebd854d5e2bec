import type { DemoAction } from './demo-activity.js';

/**
 * The rest of the demo partnership's composite action plan: recommendations from scrutiny,
 * challenges, minutes, case reviews, audits and Section 11, in the words partnerships use.
 * SYNTHETIC: every action, person and link is invented; evidence links point at a
 * `.sharepoint.example` host that does not exist.
 */
const link = (folder: string, file: string) => `https://demo-borough.sharepoint.example/sites/scp/Shared%20Documents/${folder}/${file}`;

export const DEMO_ACTION_PLAN: DemoAction[] = [
  // Scrutiny
  { ref: 'SCR-03', title: 'Bring a costed plan for the business unit\'s second year to the Executive.', source: 'scrutiny', area: 'leadership', owner: 'bm', forum: 'executive', dueInDays: -14, status: 'in_progress', percent: 40, update: { by: 'bm', daysAgo: 16, comment: 'Draft shared with the three partners; police figures awaited.' } },
  { ref: 'SCR-04', title: 'Publish the yearly report with the scrutineer\'s assessment in full.', source: 'scrutiny', area: 'leadership', owner: 'bm', forum: 'executive', dueInDays: -40, status: 'complete', percent: 100, evidence: link('Executive', 'Yearly%20report%20(published).pdf') },
  { ref: 'SCR-05', title: 'Set out how the voice of children shapes each subgroup\'s priorities.', source: 'scrutiny', area: 'outcomes-for-children', owner: 'dcs', forum: 'board', dueInDays: 35, status: 'in_progress', percent: 30 },
  { ref: 'SCR-06', title: 'Agree a shared dataset for the front door with health, police and the council.', source: 'scrutiny', area: 'quality-assurance-and-information-sharing', owner: 'qa-chair', forum: 'qa', dueInDays: 60, status: 'in_progress', percent: 45, update: { by: 'qa-chair', daysAgo: 9, comment: 'Indicators agreed; health extract being tested.' } },
  { ref: 'SCR-07', title: 'Review whether schools\' designated safeguarding leads get the partnership\'s briefings.', source: 'scrutiny', area: 'engagement-of-relevant-agencies', owner: 'ld-chair', forum: 'learning', dueInDays: 90, status: 'not_started', percent: 0 },
  { ref: 'SCR-08', title: 'Invite the youth forum to present to the Executive twice a year.', source: 'scrutiny', area: 'outcomes-for-children', owner: 'bm', forum: 'executive', dueInDays: 20, status: 'proposed_complete', percent: 100, evidence: link('Executive', 'Forward%20plan%20with%20youth%20forum%20slots.docx'), update: { by: 'bm', daysAgo: 3, comment: 'Slots in the forward plan for June and December.' } },
  { ref: 'SCR-09', title: 'Test how well thresholds are understood by practitioners in every agency.', source: 'scrutiny', area: 'quality-assurance-and-information-sharing', owner: 'qa-chair', forum: 'qa', dueInDays: 110, status: 'not_started', percent: 0 },
  { ref: 'SCR-10', title: 'Replace the partnership\'s website escalation page with the new protocol.', source: 'scrutiny', area: 'learning-from-reviews', owner: 'bm', forum: 'board', dueInDays: -60, status: 'withdrawn', percent: 10, update: { by: 'bm', daysAgo: 30, comment: 'Overtaken by CR-02: one action, not two.' } },

  // Challenge
  { ref: 'CH-02', title: 'Provide quarterly health data for the QA dashboard, no more than one quarter old.', source: 'challenge', area: 'quality-assurance-and-information-sharing', owner: 'icb-lead', forum: 'qa', dueInDays: 9, status: 'in_progress', percent: 20 },
  { ref: 'CH-03', title: 'Explain to the Board what stops health staff attending multi-agency training.', source: 'challenge', area: 'training-and-workforce', owner: 'icb-lead', forum: 'learning', dueInDays: 20, status: 'not_started', percent: 0 },
  { ref: 'CH-04', title: 'Bring a funding proposal for the business unit to the February Executive.', source: 'challenge', area: 'leadership', owner: 'dcs', forum: 'executive', dueInDays: 70, status: 'in_progress', percent: 50 },
  { ref: 'CH-05', title: 'Report why return home interviews were missed, and the plan to fix it.', source: 'challenge', area: 'outcomes-for-children', owner: 'ex-chair', forum: 'exploitation', dueInDays: 25, status: 'in_progress', percent: 15, update: { by: 'ex-chair', daysAgo: 2, comment: 'Data pulled; commissioning of the service is the main gap.' } },
  { ref: 'CH-06', title: 'Show how probation will attend the Partnership Board in future.', source: 'challenge', area: 'engagement-of-relevant-agencies', owner: 'probation', forum: 'board', dueInDays: -7, status: 'not_started', percent: 0 },
  { ref: 'CH-07', title: 'Confirm the duty sergeant rota covers weekends for strategy discussions.', source: 'challenge', area: 'engagement-of-relevant-agencies', owner: 'police-lead', forum: 'executive', dueInDays: 12, status: 'in_progress', percent: 80, evidence: link('Executive', 'Strategy%20discussion%20rota.xlsx') },

  // Minutes
  { ref: 'MIN-02', title: 'Circulate the revised neglect toolkit to every agency.', source: 'minutes', area: 'training-and-workforce', owner: 'ld-chair', forum: 'learning', dueInDays: -2, status: 'in_progress', percent: 70 },
  { ref: 'MIN-03', title: 'Add housing to the Partnership Board\'s membership and terms of reference.', source: 'minutes', area: 'engagement-of-relevant-agencies', owner: 'bm', forum: 'board', dueInDays: 30, status: 'in_progress', percent: 50, agency: 'la' },
  { ref: 'MIN-04', title: 'Share the voluntary sector\'s survey of families on early help.', source: 'minutes', area: 'outcomes-for-children', owner: 'vcs', forum: 'board', dueInDays: 15, status: 'in_progress', percent: 60 },
  { ref: 'MIN-05', title: 'Bring the exploitation data profile to the next Executive.', source: 'minutes', area: 'quality-assurance-and-information-sharing', owner: 'ex-chair', forum: 'exploitation', dueInDays: 5, status: 'proposed_complete', percent: 100, evidence: link('Exploitation', 'Exploitation%20profile%20Q2.pptx') },
  { ref: 'MIN-06', title: 'Write to the schools trusts that have not returned Section 175 audits.', source: 'minutes', area: 'engagement-of-relevant-agencies', owner: 'ld-chair', forum: 'qa', dueInDays: -21, status: 'complete', percent: 100, evidence: link('QA', 'Letters%20to%20trusts.pdf') },
  { ref: 'MIN-07', title: 'Confirm who will chair the Exploitation Subgroup from April.', source: 'minutes', area: 'leadership', owner: 'dcs', forum: 'executive', dueInDays: 100, status: 'not_started', percent: 0 },

  // Case review
  { ref: 'CR-04', title: 'Audit the use of the "was not brought" policy in GP practices.', source: 'case_review', area: 'learning-from-reviews', owner: 'cr-chair', forum: 'case-review', dueInDays: 45, status: 'in_progress', percent: 35, agency: 'icb' },
  { ref: 'CR-05', title: 'Run two learning events on the latest practice review for frontline staff.', source: 'case_review', area: 'training-and-workforce', owner: 'ld-chair', forum: 'learning', dueInDays: -10, status: 'complete', percent: 100, evidence: link('Learning', 'Learning%20event%20evaluations.xlsx') },
  { ref: 'CR-06', title: 'Make sure the community health trust records fathers and partners in health visiting.', source: 'case_review', area: 'learning-from-reviews', owner: 'trust', forum: 'case-review', dueInDays: -18, status: 'in_progress', percent: 45 },
  { ref: 'CR-07', title: 'Check that rapid review notifications reach the panel within five working days.', source: 'case_review', area: 'learning-from-reviews', owner: 'cr-chair', forum: 'case-review', dueInDays: 28, status: 'in_progress', percent: 90, evidence: link('Case%20Review', 'Notification%20timeliness.xlsx') },
  { ref: 'CR-08', title: 'Share the practice review\'s learning with the Safeguarding Adults Board.', source: 'case_review', area: 'learning-from-reviews', owner: 'bm', forum: 'case-review', dueInDays: 50, status: 'not_started', percent: 0 },
  { ref: 'CR-09', title: 'Refresh the bruising in non-mobile babies protocol across health and police.', source: 'case_review', area: 'learning-from-reviews', owner: 'cr-chair', forum: 'case-review', dueInDays: -35, status: 'in_progress', percent: 55, agency: 'trust' },

  // Audit
  { ref: 'AUD-03', title: 'Repeat the multi-agency neglect audit with the voice of families in every case.', source: 'audit', area: 'quality-assurance-and-information-sharing', owner: 'qa-chair', forum: 'qa', dueInDays: 130, status: 'not_started', percent: 0 },
  { ref: 'AUD-04', title: 'Tell families what their child protection plan is for, in plain words.', source: 'audit', area: 'outcomes-for-children', owner: 'dcs', forum: 'qa', dueInDays: -4, status: 'in_progress', percent: 65, update: { by: 'dcs', daysAgo: 11, comment: 'New plan template in use in two of four teams.' } },
  { ref: 'AUD-05', title: 'Add the police to the case file audit of strategy discussions.', source: 'audit', area: 'quality-assurance-and-information-sharing', owner: 'police-lead', forum: 'qa', dueInDays: 40, status: 'in_progress', percent: 25 },
  { ref: 'AUD-06', title: 'Check that probation shares risk information for children at initial conferences.', source: 'audit', area: 'quality-assurance-and-information-sharing', owner: 'probation', forum: 'qa', dueInDays: 18, status: 'in_progress', percent: 30 },
  { ref: 'AUD-07', title: 'Report the audit of missing episodes to the Exploitation Subgroup.', source: 'audit', area: 'outcomes-for-children', owner: 'ex-chair', forum: 'exploitation', dueInDays: -25, status: 'complete', percent: 100, evidence: link('Exploitation', 'Missing%20episodes%20audit.docx') },

  // Section 11
  { ref: 'S11-03', title: 'Follow up the community health trust\'s Section 11 action on supervision.', source: 'section_11', area: 'training-and-workforce', owner: 'trust', forum: 'qa', dueInDays: 32, status: 'in_progress', percent: 50 },
  { ref: 'S11-04', title: 'Hold a Section 11 challenge session with the voluntary sector.', source: 'section_11', area: 'engagement-of-relevant-agencies', owner: 'vcs', forum: 'qa', dueInDays: -12, status: 'proposed_complete', percent: 100, evidence: link('QA', 'Section%2011%20challenge%20session%20notes.docx') },
  { ref: 'S11-05', title: 'Check safer recruitment in the police against the Section 11 standard.', source: 'section_11', area: 'quality-assurance-and-information-sharing', owner: 'police-lead', forum: 'qa', dueInDays: 75, status: 'not_started', percent: 0 },
  { ref: 'S11-06', title: 'Publish the Section 11 summary for partners and relevant agencies.', source: 'section_11', area: 'engagement-of-relevant-agencies', owner: 'qa-chair', forum: 'board', dueInDays: 55, status: 'in_progress', percent: 10 },
  { ref: 'S11-07', title: 'Ask the probation unit to complete its outstanding Section 11 actions.', source: 'section_11', area: 'engagement-of-relevant-agencies', owner: 'probation', forum: 'qa', dueInDays: -45, status: 'in_progress', percent: 20, update: { by: 'probation', daysAgo: 20, comment: 'Two of five actions done; staffing gap until January.' } },
];
