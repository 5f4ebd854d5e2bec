/**
 * Text pools for the synthetic demo documents. Everything here is invented: no real person, place, child or
 * service is named. Templates carry {slot} placeholders that demo-document-content.ts fills from a seeded PRNG:
 * {topic} {Topic} {forum} {agency} {agencyShort} {pct} {pctLow} {pctSmall} {n} {quarter} {period} {locality}
 * {months} {letter} {lead}.
 */

import type { ThemeKey } from './demo-paper-themes.js';

export type AgencyKey = 'la' | 'police' | 'health' | 'education' | 'probation' | 'vcs' | 'business' | 'scrutiny';

export const AGENCIES: Record<AgencyKey, { name: string; short: string }> = {
  la: { name: "Demo Borough Council Children's Services", short: 'Local authority' },
  police: { name: 'Demo Constabulary', short: 'Police' },
  health: { name: 'NHS Demo Integrated Care Board', short: 'ICB / health' },
  education: { name: 'Demo Borough Schools Partnership', short: 'Education' },
  probation: { name: 'Probation Service, Demo Delivery Unit', short: 'Probation' },
  vcs: { name: 'Demo Voluntary Action', short: 'Voluntary sector' },
  business: { name: 'Partnership Business Unit', short: 'Business unit' },
  scrutiny: { name: 'Independent scrutiny', short: 'Independent' },
};

export interface RoleDef { id: string; role: string; agency: AgencyKey }

export const ROLE_DEFS: readonly RoleDef[] = [
  { id: 'dcs', role: "Director of Children's Services", agency: 'la' },
  { id: 'hos_front', role: 'Head of Service, Front Door and MASH', agency: 'la' },
  { id: 'hos_qa', role: 'Head of Quality Assurance and Safeguarding', agency: 'la' },
  { id: 'hos_adol', role: 'Head of Service, Adolescents and Exploitation', agency: 'la' },
  { id: 'sm_cp', role: 'Service Manager, Child Protection Chairs', agency: 'la' },
  { id: 'eh', role: 'Head of Early Help', agency: 'la' },
  { id: 'det_supt', role: 'Detective Superintendent, Public Protection', agency: 'police' },
  { id: 'dci', role: 'Detective Chief Inspector, Safeguarding Hub', agency: 'police' },
  { id: 'di_exp', role: 'Detective Inspector, Child Exploitation Team', agency: 'police' },
  { id: 'chief_nurse', role: 'Chief Nursing Officer', agency: 'health' },
  { id: 'des_nurse', role: 'Designated Nurse for Safeguarding Children', agency: 'health' },
  { id: 'des_doc', role: 'Designated Doctor for Safeguarding Children', agency: 'health' },
  { id: 'named_gp', role: 'Named GP for Safeguarding', agency: 'health' },
  { id: 'named_nurse', role: 'Named Nurse, Demo Community Health NHS Trust', agency: 'health' },
  { id: 'ed_head', role: 'Head of Education Safeguarding', agency: 'education' },
  { id: 'headteacher', role: 'Secondary Headteacher representative', agency: 'education' },
  { id: 'dsl_rep', role: 'Designated Safeguarding Lead representative (primary)', agency: 'education' },
  { id: 'pdu', role: 'Head of Probation Delivery Unit', agency: 'probation' },
  { id: 'vcs_lead', role: 'Chief Officer', agency: 'vcs' },
  { id: 'bm', role: 'Partnership Business Manager', agency: 'business' },
  { id: 'qa_officer', role: 'Quality Assurance and Performance Officer', agency: 'business' },
  { id: 'ld_coord', role: 'Learning and Development Coordinator', agency: 'business' },
  { id: 'scrutineer', role: 'Independent Scrutineer', agency: 'scrutiny' },
];

// Deliberately ordinary-sounding but invented; every rendered name is also labelled "(synthetic)".
export const FIRST_NAMES = [
  'Alex', 'Sam', 'Jordan', 'Morgan', 'Priya', 'Amara', 'Tomasz', 'Niamh', 'Kofi', 'Leila', 'Hannah', 'Owen',
  'Ravi', 'Ellis', 'Fern', 'Imran', 'Bethan', 'Jude', 'Marcus', 'Zara', 'Dylan', 'Ines', 'Callum', 'Yasmin',
];
export const SURNAMES = [
  'Ashdown', 'Okafor', 'Fenwick', 'Haldane', 'Kowalski', 'Brennan', 'Osei', 'Whitlock', 'Castell', 'Ellery',
  'Thorne', 'Quayle', 'Pennock', 'Lindqvist', 'Adeyemi', 'Carrow', 'Holloway', 'Bramwell', 'Sethi', 'Dunmore',
  'Farrant', 'Greaves', 'Kerrigan', 'Lockwood',
];

export const LOCALITIES = ['North locality', 'South locality', 'East locality', 'West locality', 'Central locality'];
export const CHILD_LETTERS = ['A', 'B', 'D', 'F', 'H', 'K', 'L', 'M', 'P', 'R', 'S', 'T'];

export type ProfileKey = 'executive' | 'board' | 'qa' | 'case_review' | 'learning' | 'exploitation' | 'task';

export interface ForumProfile {
  abbr: string; chair: string; members: string[]; themes: ThemeKey[]; time: [string, string]; cadenceWeeks: number;
}

export const FORUM_PROFILES: Record<ProfileKey, ForumProfile> = {
  executive: {
    abbr: 'EX', chair: 'dcs', members: ['det_supt', 'chief_nurse', 'bm', 'hos_qa'],
    themes: ['dashboard', 'business_plan', 'section11', 'escalation', 'rapid_review'], time: ['14:00', '15:30'], cadenceWeeks: 6,
  },
  board: {
    abbr: 'PB', chair: 'det_supt',
    members: ['dcs', 'chief_nurse', 'des_nurse', 'ed_head', 'headteacher', 'pdu', 'vcs_lead', 'bm', 'eh'],
    themes: ['dashboard', 'voice', 'section11', 'training', 'business_plan', 'cspr_plan', 'mash'], time: ['10:00', '12:30'], cadenceWeeks: 12,
  },
  qa: {
    abbr: 'QA', chair: 'des_nurse', members: ['hos_qa', 'hos_front', 'dci', 'named_gp', 'ed_head', 'pdu', 'qa_officer', 'eh'],
    themes: ['neglect_audit', 'exploitation_audit', 'da_audit', 'mash', 'dashboard', 'escalation', 'voice'], time: ['09:30', '11:30'], cadenceWeeks: 8,
  },
  case_review: {
    abbr: 'CR', chair: 'des_doc', members: ['hos_qa', 'dci', 'des_nurse', 'ed_head', 'pdu', 'bm', 'sm_cp'],
    themes: ['rapid_review', 'cspr_plan', 'escalation', 'training'], time: ['13:30', '15:30'], cadenceWeeks: 6,
  },
  learning: {
    abbr: 'LD', chair: 'ed_head', members: ['ld_coord', 'named_nurse', 'dsl_rep', 'eh', 'vcs_lead', 'di_exp', 'sm_cp'],
    themes: ['training', 'voice', 'rapid_review', 'cspr_plan'], time: ['10:00', '12:00'], cadenceWeeks: 8,
  },
  exploitation: {
    abbr: 'EXP', chair: 'dci', members: ['hos_adol', 'di_exp', 'named_nurse', 'headteacher', 'pdu', 'vcs_lead', 'eh'],
    themes: ['missing', 'exploitation_audit', 'voice', 'da_audit'], time: ['14:00', '16:00'], cadenceWeeks: 8,
  },
  task: {
    abbr: 'TF', chair: 'hos_qa', members: ['des_nurse', 'dci', 'ed_head', 'qa_officer', 'eh'],
    themes: ['neglect_audit', 'dashboard', 'voice', 'escalation'], time: ['11:00', '12:30'], cadenceWeeks: 4,
  },
};

export const PURPOSE = [
  'This report gives the {forum} assurance on the quality of multi-agency practice in relation to {topic}, drawing on activity completed during {period}.',
  'The purpose of this paper is to summarise what we know about {topic}, set out what has improved since the last report and seek agreement to the recommendations below.',
  'This paper updates partners on {topic} and asks the {forum} to consider whether the evidence gives sufficient assurance that children are safer as a result.',
  'The report is presented for assurance and decision. It brings together performance information, practitioner feedback and case file evidence on {topic}.',
  'Partners are asked to note the findings on {topic}, to challenge where the evidence is weak and to agree the proposed next steps.',
  'This paper responds to an action from the previous meeting asking for a fuller account of {topic} across the partnership.',
];

export const BACKGROUND = [
  '{Topic} has been a partnership priority since the current business plan was agreed, following learning from local reviews and feedback from frontline practitioners.',
  'The last report in relation to {topic} was considered {months} months ago. Partners then agreed to focus on consistent information sharing and timely multi-agency responses.',
  "National learning, including the Child Safeguarding Practice Review Panel's annual reports, continues to highlight how hard it is for agencies to see the whole picture for a child.",
  'Practitioners told the partnership through the annual survey that they are not always confident about thresholds and routes for escalation.',
  "The partnership's quality assurance framework sets out a rolling programme of themed work, with findings reported to this forum and learning shared through the learning and development subgroup.",
  'Demand at the front door has remained high throughout the year, with {pct} of contacts coming from police and education.',
  'This work links to the three partnership priorities: the front door, neglect, and adolescents at risk of harm outside the home.',
  'Since the previous report, a revised multi-agency pathway has been in place, supported by a short briefing for practitioners in every agency.',
];

export const METHOD = [
  "A sample of {n} cases was selected at random from children open to children's social care during {period}, with at least one case from each locality.",
  'Each case was audited by single agency auditors against a common tool, followed by a multi-agency moderation meeting chaired by the business unit.',
  'Practitioners involved in each case were invited to a reflective conversation; {pct} took part, and their views are reflected in this report.',
  'Data were drawn from the partnership dashboard for {quarter} and compared with the previous four quarters and with statistical neighbours.',
  'Parents and carers in {n} families were contacted by an independent practitioner to seek their views on the help they received.',
  "The audit tool was updated this year to include questions on professional curiosity, lived experience and the recording of the child's identity and culture.",
];

export const STRENGTHS = [
  'In most cases practitioners had seen the child alone and recorded their wishes and feelings in their own words.',
  "Strategy discussions were held promptly in {pct} of cases where they were required, with police, health and children's social care contributing.",
  'Schools were a consistently strong source of information, and designated safeguarding leads were well engaged in core groups.',
  'Auditors found good examples of professional curiosity, including a health visitor who persistently followed up missed appointments and shared concerns early.',
  'Chronologies were up to date in the majority of cases and helped practitioners see patterns of concern over time.',
  'Where early help was in place, families described workers as reliable and honest, and plans were written in language families could understand.',
  'Management oversight was evident and purposeful in {pct} of the cases reviewed.',
  'Partners attended child protection conferences consistently, and written reports were submitted on time in most cases.',
];

export const DEVELOPMENT = [
  'The voice of fathers and other male carers was absent or limited in around half of the cases reviewed.',
  'Information held by adult services, including substance misuse and mental health services, was not routinely sought or shared.',
  'Plans were sometimes a list of tasks rather than a description of what needed to change for the child, which made progress hard to measure.',
  'In {n} cases there was drift after the initial assessment, with no escalation when agreed actions were not completed.',
  'GP involvement in multi-agency meetings remains limited, although written information was usually provided on request.',
  'The impact of cumulative harm was not always recognised, particularly where individual incidents appeared low level.',
  "Recording of the child's ethnicity, language and religion was incomplete in {pctLow} of cases.",
  'Transitions between services, including step-down from social care to early help, were not well planned in several cases.',
];

// Non-audit reports (data, training, Section 11, reviews) describe their method and findings differently.
export const METHOD_REPORT = [
  "This report draws on the partnership dashboard for {quarter}, single agency returns and the business unit's own records.",
  'Figures are compared with the previous four quarters and, where available, with statistical neighbours and national data.',
  'Agencies were asked to provide a short narrative alongside their data; {n} partner agencies did so in time for this report.',
  'Practitioner views were gathered through a short survey ({n} responses) and two focus groups run by the business unit.',
  'The analysis was shared in draft with agency leads, and their comments have been incorporated.',
];

export const STRENGTHS_REPORT = [
  'Partners have engaged well, with returns received from every statutory agency this period.',
  'Practitioners who responded to the survey said they know how to get safeguarding advice, and {pct} rated it helpful.',
  'There is clearer evidence than last year of learning being used in supervision and team meetings.',
  "Practitioners describe joint working between police, health and children's social care as strong and improving.",
  'Agencies have acted quickly on the issues raised at the previous meeting.',
];

export const DEVELOPMENT_REPORT = [
  "Data from some relevant agencies are still missing or late, which limits the partnership's ability to see trends.",
  'The report describes activity well but says less about the difference made for children and families.',
  'Smaller voluntary sector organisations find it hard to release staff to take part.',
  'Feedback from fathers, young carers and disabled children is under-represented.',
  'Several actions from the previous report remain open without a revised date.',
];

export const VOICE = [
  'Children told us they want workers who stay the same, listen, and explain what will happen next.',
  "One young person said: 'I had to tell my story too many times to too many people.' This has been shared with the front door leadership team.",
  'Parents valued honest conversations but said reports were sometimes shared too late to read before meetings.',
  'Feedback from {n} young people through the youth council highlighted the importance of feeling safe travelling to and from school.',
  'Families whose first language is not English described mixed experiences of interpreting, particularly at short notice.',
  'Carers said they wanted clearer information about whom to contact out of hours.',
];

export const IMPACT = [
  'Since the last report, the proportion of cases with a clear multi-agency chronology has risen from {pctLow} to {pct}.',
  'Re-referrals within twelve months have fallen over the last two quarters, which partners attribute in part to stronger step-down planning.',
  'Practitioners who attended the briefing sessions reported greater confidence in using the escalation policy.',
  'The revised pathway is now used in {n} schools, and every GP practice has received the updated guidance.',
  'It is too early to evidence impact for children; the next review in six months will test whether the changes are sustained.',
];

export const RISKS = [
  'Business unit capacity to support further audit activity is limited until the vacant quality assurance post is filled.',
  'Partner returns to the data dashboard remain incomplete for some agencies, which limits analysis.',
  'Demand pressures at the front door may affect whether the improvements reported here can be sustained.',
  'There is a risk that learning does not reach frontline staff in smaller agencies and the voluntary sector.',
  'A change of case management system in {agency} may affect data quality during the transition.',
];

export const SUMMARY = [
  'In summary, the evidence gives partial assurance: practice is generally safe, but consistency across agencies is not yet where partners want it to be.',
  'Overall the picture is improving, with clear progress on timeliness, although the quality of plans remains variable.',
  'The data show a stable position over the year, with no outliers that need escalation to the Executive.',
  'Partners can be assured that the issues raised at the last meeting have been addressed, while noting the risks described in this report.',
];

export const DISCUSSION = [
  'Members welcomed the report and the improvement in timeliness, but asked whether the quality of practice had improved at the same rate.',
  '{agencyShort} colleagues reported similar themes from their single agency audits and offered to share their findings with the business unit.',
  'The group discussed the gap in information from adult services and agreed that it should be raised at the Executive.',
  'Members noted that the data for {quarter} are provisional and will be refreshed before the next meeting.',
  'Partners discussed their capacity to release staff for multi-agency audit and agreed to nominate auditors for the next cycle.',
  "The chair asked partners to consider what difference the findings would make to their own agency's practice and to report back.",
  'Education colleagues stressed the importance of sharing outcomes with schools after referrals, which does not yet happen consistently.',
  'Health colleagues noted that GP engagement had improved since the new information request template was introduced.',
  'Police colleagues explained recent changes to the public protection structure and the expected effect on attendance at strategy discussions.',
  'Members agreed that the findings should shape the next round of multi-agency training.',
];

export const CHALLENGES = [
  'The Independent Scrutineer asked how the partnership would know whether the recommendations had made a difference for children, and suggested agreeing success measures now.',
  'The Independent Scrutineer challenged the absence of data from {agencyShort} and asked for a plan to address this by the next meeting.',
  'The Independent Scrutineer asked whether children and families had been involved in shaping the recommendations.',
  'The Independent Scrutineer noted that similar findings had been reported previously and asked what would be done differently this time.',
  'The Independent Scrutineer asked for assurance that the learning had been shared with practitioners in the voluntary sector.',
  'The Independent Scrutineer queried the low number of formal escalations and asked whether it reflected good relationships or a lack of confidence in the policy.',
];

export const RESPONSES = [
  '{lead} accepted the point and will bring the evidence requested to the next meeting.',
  'The chair agreed that this would be followed up outside the meeting and reported through the action log.',
  'Partners accepted the point; the business manager will add it to the forward plan.',
  '{agencyShort} colleagues accepted the challenge and will respond in writing.',
];

export const DECISIONS = [
  'The {forum} noted the report and agreed the recommendations.',
  'The {forum} agreed the recommendations, subject to the amendments discussed, and asked for an update in six months.',
  'The {forum} noted the report; the recommendations will be revised and brought back to the next meeting.',
  'The {forum} agreed that the findings give partial assurance and that the matter should be escalated to the Executive.',
  'The {forum} accepted the report for assurance.',
];

export const GENERIC_ACTIONS = [
  'Share the findings with single agency leads and confirm dissemination to frontline teams',
  'Provide the missing {quarter} data for the partnership dashboard',
  'Bring a short set of outcome measures to the next meeting',
  'Include the findings in the next 7-minute briefing',
  'Raise the gap in information sharing with adult services at the Executive',
  'Nominate an auditor for the next multi-agency audit cycle',
];

export const VERBAL_ITEMS = [
  'Partner updates (verbal)', 'Feedback from the Independent Scrutineer (verbal)', 'Update from the Executive (verbal)',
  'Risk register review (verbal)', 'Forward plan and horizon scanning',
];

export const AOB = [
  'No other business was raised.',
  'The business manager reminded members that Section 11 returns are due by the end of the quarter.',
  'Members were reminded of the partnership conference; places remain available for practitioners from all agencies.',
  'The chair thanked members for their contributions to the recent safeguarding awareness week.',
];

export const GLOSSARY: [string, string][] = [
  ['MASH', 'Multi-agency safeguarding hub: the front door for concerns about children'],
  ['CSPR', 'Child safeguarding practice review'],
  ['Section 11', 'Children Act 2004 duty on agencies to safeguard and promote the welfare of children'],
  ['Section 47', 'Children Act 1989 enquiry where a child is suspected to be suffering significant harm'],
  ['MARAC', 'Multi-agency risk assessment conference (domestic abuse)'],
  ['ICB', 'Integrated care board (health)'],
  ['DSL', 'Designated safeguarding lead in a school'],
  ['RAG', 'Red, amber, green rating'],
];
