/**
 * Paper themes for the synthetic demo documents: what each kind of partnership paper is about, who presents it,
 * what it found and what it recommends, plus the row labels for its data table. All invented; templates use the
 * same {slot} placeholders as demo-text-pools.ts.
 */

export type ThemeKey =
  | 'neglect_audit' | 'exploitation_audit' | 'da_audit' | 'mash' | 'dashboard' | 'rapid_review' | 'cspr_plan'
  | 'section11' | 'training' | 'voice' | 'escalation' | 'missing' | 'business_plan';

export type TableKind =
  | 'sample' | 'mash' | 'dashboard' | 'exploitation' | 'training' | 'section11' | 'escalation' | 'voice'
  | 'reviews' | 'plan';

export interface ThemeDef { titles: string[]; topic: string; lead: string; table: TableKind; findings: string[]; recs: string[] }

export const THEMES: Record<ThemeKey, ThemeDef> = {
  neglect_audit: {
    titles: ['Multi-agency audit of neglect', 'Neglect themed audit - findings and recommendations', 'Thematic audit of chronic neglect'],
    topic: 'neglect', lead: 'hos_qa', table: 'sample',
    findings: [
      'Use of the graded care profile was evident in {pct} of cases where neglect was the primary concern, but scores were rarely revisited to measure change.',
      "Practitioners often focused on home conditions and less on the child's emotional needs and the effect of neglect on their development.",
      'Dental and health appointments missed over long periods were not always recognised as indicators of neglect.',
      'Where parents had learning needs, some plans did not adapt communication to help them understand what needed to change.',
    ],
    recs: [
      'Relaunch the graded care profile with refresher training for early help and health practitioners',
      'Add a prompt on missed health appointments to the multi-agency neglect pathway',
      'Develop a short practice guide on working with parents with learning needs',
      'Repeat the neglect audit in twelve months with a focus on impact for children',
    ],
  },
  exploitation_audit: {
    titles: ['Multi-agency audit of child exploitation', 'Audit of responses to children at risk of exploitation'],
    topic: 'child exploitation', lead: 'hos_adol', table: 'sample',
    findings: [
      'Children at risk of exploitation were typically known to several agencies before the risk was formally identified.',
      'Return home interviews were offered after {pct} of missing episodes, but what children said was not consistently shared with police.',
      "Language that placed responsibility on children, such as 'putting themselves at risk', still appeared in some records.",
      'Police disruption activity was strong and in several cases led to the identification of adults posing a risk.',
    ],
    recs: [
      "Refresh the partnership's guidance on language that blames children and test it through case records",
      'Agree a protocol for sharing return home interview information with police within 72 hours',
      'Review the exploitation screening tool with schools and youth services',
      'Map locations of concern with the community safety partnership each quarter',
    ],
  },
  da_audit: {
    titles: ['Multi-agency audit of children living with domestic abuse', 'Domestic abuse and children - themed audit'],
    topic: 'children living with domestic abuse', lead: 'dci', table: 'sample',
    findings: [
      'Police notifications to schools after domestic abuse incidents were made before the next school day in {pct} of incidents reviewed.',
      'Risk assessments focused on the adult victim, with the effect on children described only briefly.',
      'Those causing harm were often invisible in plans, and there was little evidence of work to engage them.',
      "Actions agreed at the multi-agency risk assessment conference were not always reflected in children's plans.",
    ],
    recs: [
      "Strengthen the link between MARAC actions and children's plans",
      'Commission a practitioner briefing on engaging with those who cause harm',
      "Make the child's lived experience explicit in domestic abuse risk assessments",
      'Review the school notification arrangements with education leads',
    ],
  },
  mash: {
    titles: ['Front door and MASH performance report', 'MASH quarterly performance and quality report'],
    topic: 'the front door and multi-agency safeguarding hub (MASH)', lead: 'hos_front', table: 'mash',
    findings: [
      'Contacts rose by around {pctSmall} compared with the same quarter last year, driven mainly by police and schools.',
      'Conversion from contact to referral remains lower than statistical neighbours, suggesting some contacts could be resolved through early help advice.',
      'Timeliness of health information into the MASH has improved since the health practitioner post was filled.',
      'Quality sampling found that threshold decisions were appropriate in {pct} of the contacts reviewed.',
    ],
    recs: [
      'Publish a revised threshold guide with examples drawn from local practice',
      'Agree a target for health research within MASH timescales',
      'Pilot a consultation line for schools to reduce contacts that do not need a statutory response',
      'Report re-referral analysis by referring agency at the next meeting',
    ],
  },
  dashboard: {
    titles: ['Partnership data dashboard', 'Quarterly safeguarding performance dashboard', 'Multi-agency performance and data report'],
    topic: 'partnership performance data', lead: 'qa_officer', table: 'dashboard',
    findings: [
      'The number of children subject to a child protection plan has risen for the third consecutive quarter.',
      'Second or subsequent child protection plans remain above the national average.',
      'Early help assessments increased, reflecting the expanded family hub offer in the {locality}.',
      'Data from education and probation are included for the first time this quarter.',
    ],
    recs: [
      'Undertake a deep dive into second or subsequent child protection plans',
      'Agree a minimum data set from each statutory partner',
      'Add narrative commentary from each agency to the dashboard',
      'Present the dashboard to the Executive with a short exception report',
    ],
  },
  rapid_review: {
    titles: ['Rapid review summary and learning', 'Rapid reviews and national panel feedback', 'Rapid review - Child {letter} (synthetic)'],
    topic: 'learning from rapid reviews', lead: 'des_doc', table: 'reviews',
    findings: [
      'The rapid review for Child {letter} (a synthetic case) was completed within 15 working days and sent to the national panel.',
      'Common themes across recent reviews include the invisibility of men in the household and the effect of parental mental health.',
      'National panel feedback commended the analysis but asked for a clearer rationale where a full review was not recommended.',
      'Agencies have completed most single agency actions, although evidence of impact is limited.',
    ],
    recs: [
      'Set out a clear rationale in every rapid review for the decision on a full review',
      'Produce a 7-minute briefing on the themes from recent reviews',
      'Track single agency actions through the composite action plan with evidence of completion',
      'Hold a practitioner learning event on parental mental health',
    ],
  },
  cspr_plan: {
    titles: ['Child safeguarding practice review action plan update', 'CSPR recommendations - progress report'],
    topic: 'child safeguarding practice review recommendations', lead: 'bm', table: 'reviews',
    findings: [
      'Of the recommendations from the most recent local review, {n} are complete with evidence and the rest are in progress.',
      'The recommendation on pre-birth assessment has been delayed pending the revised midwifery pathway.',
      'Learning has been shared at {n} briefing sessions attended by practitioners from all statutory agencies.',
      'The review has been published and the family were told before publication.',
    ],
    recs: [
      'Agree revised timescales for delayed recommendations and record the reasons',
      'Seek evidence of impact through a practitioner survey six months after publication',
      'Share the learning with neighbouring partnerships',
      'Close recommendations only where the subgroup has reviewed the evidence',
    ],
  },
  section11: {
    titles: ['Section 11 audit findings', 'Section 11 and safeguarding self-assessment summary'],
    topic: 'Section 11 compliance', lead: 'bm', table: 'section11',
    findings: [
      'All statutory partners returned their Section 11 self-assessment; {n} relevant agencies did not.',
      'Safer recruitment and the management of allegations were rated strongly across agencies.',
      'The voice of the child standard was the one most often self-rated amber.',
      'Peer challenge sessions tested the self-assessments and, in a small number of cases, ratings were revised downwards.',
    ],
    recs: [
      'Follow up agencies that did not return through the Executive',
      'Hold a peer challenge event on the voice of the child standard',
      'Move to a two-year cycle with a light-touch annual check',
      'Ask agencies for evidence, not only self-ratings, to support green judgements',
    ],
  },
  training: {
    titles: ['Multi-agency training uptake and impact', 'Learning and development annual report', 'Training evaluation and uptake report'],
    topic: 'multi-agency training', lead: 'ld_coord', table: 'training',
    findings: [
      "Attendance at multi-agency courses reached {pct} of places offered, with the strongest uptake from education and children's social care.",
      'Non-attendance remains highest among health practitioners, reflecting staffing pressures.',
      'Follow-up evaluation at three months found that most respondents had used the learning in practice.',
      'E-learning completions increased, but practitioners said they value face-to-face sessions for complex topics.',
    ],
    recs: [
      'Introduce a charge for non-attendance without notice, as agreed in principle by the Executive',
      'Offer evening and recorded sessions for GPs and primary care staff',
      'Evaluate the impact of neglect training through case audit',
      'Refresh the training needs analysis with all partner agencies',
    ],
  },
  voice: {
    titles: ['Voice of children and families report', 'What children and families are telling us', 'Participation and lived experience update'],
    topic: 'the voice and lived experience of children and families', lead: 'vcs_lead', table: 'voice',
    findings: [
      "Young people in the youth advisory group helped rewrite the partnership's leaflet on child protection conferences.",
      'Parents said they wanted to be told about decisions in person, not by letter.',
      'Children with special educational needs and disabilities are under-represented in the feedback collected so far.',
      'The number of children attending or contributing to their child protection conference has increased.',
    ],
    recs: [
      'Agree a partnership standard for telling children what has changed as a result of their views',
      'Work with special schools to gather the views of disabled children',
      'Include a parent representative on the interview panel for the next business unit appointment',
      'Report quarterly on participation of children in their conferences and reviews',
    ],
  },
  escalation: {
    titles: ['Escalation and resolution report', 'Professional disagreements and escalation - annual review'],
    topic: 'escalation and resolution of professional disagreements', lead: 'sm_cp', table: 'escalation',
    findings: [
      'Formal escalations increased compared with last year, most of them raised by schools and health.',
      'Most escalations were resolved at stage 1 through a conversation between managers.',
      'The commonest reasons for escalation were disagreement about thresholds and delays in sharing outcomes.',
      'There is no consistent way of recording informal escalations, so the true level of disagreement is unknown.',
    ],
    recs: [
      'Introduce a simple recording form for informal escalations',
      'Remind practitioners of the escalation policy through the partnership newsletter',
      'Analyse escalations by theme and share the learning each quarter',
      'Include escalation in the next Section 11 self-assessment',
    ],
  },
  missing: {
    titles: ['Missing children and exploitation profile', 'Exploitation and missing - quarterly update', 'Contextual safeguarding update'],
    topic: 'children missing from home or care and at risk of exploitation', lead: 'di_exp', table: 'exploitation',
    findings: [
      'The multi-agency child exploitation panel considered {n} children this quarter, most of them aged 14 to 16.',
      'Missing episodes from care have reduced, but episodes from home remain high for a small group of children.',
      'Intelligence submissions from partner agencies increased after awareness sessions in schools.',
      'Transport hubs and retail parks remain the locations of most concern identified by partners.',
    ],
    recs: [
      'Refresh the problem profile with partner intelligence every six months',
      'Make sure every child with repeat missing episodes has a named lead professional',
      'Extend awareness sessions to taxi drivers and night-time economy staff',
      'Report outcomes for children after they leave the exploitation panel',
    ],
  },
  business_plan: {
    titles: ['Partnership business plan - progress report', 'Business plan and budget update'],
    topic: 'delivery of the partnership business plan', lead: 'bm', table: 'plan',
    findings: [
      'Most business plan actions are complete or on track; those behind relate mainly to data and audit capacity.',
      'Partner contributions for the year have been agreed in line with the funding formula.',
      "The independent scrutineer's recommendations from the yearly report have been built into the plan.",
      'The yearly report is on track for publication by the end of September.',
    ],
    recs: [
      'Agree the reprioritisation of actions that are behind schedule',
      'Confirm partner contributions for next year by the end of the quarter',
      'Align subgroup work plans with the revised priorities',
      "Ask the independent scrutineer to review the partnership's use of data",
    ],
  },
};

/** A row of a quarterly table: label, plausible range, and whether it is a count, a percentage or a rate. */
export type Metric = [label: string, min: number, max: number, unit: 'n' | '%' | 'rate'];

export const QUARTERLY_METRICS: Record<'mash' | 'dashboard' | 'exploitation', Metric[]> = {
  mash: [
    ['Contacts received', 1800, 2600, 'n'], ['Contacts leading to a referral', 18, 32, '%'],
    ['Re-referrals within 12 months', 14, 24, '%'], ['Contact decisions within 24 hours', 78, 97, '%'],
    ['Strategy discussions held', 140, 260, 'n'], ['Section 47 enquiries started', 90, 180, 'n'],
  ],
  dashboard: [
    ['Children in need (rate per 10,000)', 280, 380, 'rate'], ['Children on a child protection plan', 150, 260, 'n'],
    ['Second or subsequent child protection plans', 18, 28, '%'], ['Children looked after', 210, 300, 'n'],
    ['Early help assessments started', 240, 420, 'n'], ['Initial conferences within 15 working days', 70, 95, '%'],
  ],
  exploitation: [
    ['Children discussed at exploitation panel', 18, 45, 'n'], ['Missing episodes from home', 120, 220, 'n'],
    ['Missing episodes from care', 60, 140, 'n'], ['Return home interviews offered within 72 hours', 65, 92, '%'],
    ['National Referral Mechanism referrals', 3, 14, 'n'], ['Children assessed as high risk', 8, 22, 'n'],
  ],
};

export const COURSES = [
  'Working together: core multi-agency safeguarding', 'Neglect and the graded care profile',
  'Child exploitation and contextual safeguarding', 'Domestic abuse and its impact on children',
  'Professional curiosity and challenge', 'Learning from reviews: 7-minute briefings',
  'Safeguarding disabled children', 'Harmful sexual behaviour',
];

export const SECTION11_STANDARDS = [
  'Senior management commitment', 'Clear line of accountability', 'Voice of the child', 'Safer recruitment',
  'Training and supervision', 'Information sharing', 'Escalation and resolution',
];

export const VOICE_SOURCES = [
  'Young people survey', 'Child protection conference feedback', 'Parent and carer feedback forms',
  'Youth advisory group session', 'Early help exit questionnaires',
];
export const VOICE_MESSAGES = [
  'Wanted fewer changes of worker', 'Valued being listened to', 'Reports shared too late before meetings',
  'Felt safer once the plan was in place', 'Unclear whom to contact out of hours', 'Liked meeting somewhere familiar',
  'Wanted to be asked, not told', 'Interpreting not always available',
];

export const REVIEW_DECISIONS = ['CSPR recommended', 'No CSPR - local learning review', 'No further review - learning shared'];
export const REVIEW_STATUSES = ['Published', 'Action plan in progress', 'Awaiting national panel response', 'Complete'];

export const PLAN_PRIORITIES = [
  'The front door', 'Neglect', 'Adolescents at risk outside the home', 'Voice of children and families',
  'Learning and workforce development',
];
