// A whole self-assessment as the issue 23 walkthrough met it: all 43
// statements answered, 17 rated weak (0 or 1) and 2 flagged as priorities
// while rated 2, so in framework order the 19 weak-or-flagged cards put the
// flagged ones 8th and 14th; every area's importance rated, so that 5 areas
// are priorities for action (importance medium or high, score below 50%).
// Shared by the results usability test and the measurements it reports.

export const ASSESSMENT_ID = 'assessment-walkthrough';
export const TITLE = 'East Kent: Respiratory (Clinician), 20 November 2026';

// Level per statement, in framework order; 'na' is "not applicable or don't know".
const LEVELS = {
  power: [1, 0, 2, 1, 3],
  aims: [3, 1, 2, 3, 2],
  leadership: [1, 2, 0, 3, 1, 2],
  support: [0, 1, 1, 2, 0, 3],
  resources: [1, 2, 1, 0, 2],
  trust: [3, 3, 2, 3, 4],
  structures: [2, 1, 1, 2, 3],
  delivery: [0, 2, 3, 2, 2, 'na'],
};

/** Statements the user flagged as priorities: rated 2, so flagged, not weak. */
export const FLAGGED = {
  'leadership-6': 'We develop future clinical leaders, not only today\'s.',
  'resources-2': 'Our clinicians can take part in a good clinical leadership programme.',
};

const NOTES = {
  'power-2': 'The last two business cases from the locality were turned down without a reason.',
  'support-1': 'Health needs data arrives a quarter late.\nAsked the information team in October.',
  'leadership-6': 'No succession plan for the two GP leads who retire next year.',
  'delivery-1': 'Outpatient referrals up 8% on last year.',
};

// Importance 1 low, 2 medium, 3 high. With the scores above (power 35%,
// aims 55%, leadership 38%, support 29%, resources 30%, trust 75%, structures
// 45%, delivery 45%) five areas are priorities; 15 of the 17 weak statements
// are in them (aims-2 and delivery-1 are not).
const IMPORTANCE = { power: 3, aims: 2, leadership: 2, support: 3, resources: 2, trust: 1, structures: 2, delivery: 1 };

/** The areas the rule makes priorities, most pressing first (importance
 * high to low, then score low to high), as the results page names them. */
export const PRIORITY_AREAS = [
  'Support from the commissioning organisation',
  'Power and influence',
  'Time, resources and incentives',
  'Leadership capability',
  'Structures and governance',
];

export function walkthroughAssessment() {
  const answers = {};
  for (const [area, levels] of Object.entries(LEVELS)) {
    levels.forEach((level, i) => {
      const id = `${area}-${i + 1}`;
      answers[id] = {
        rating: level === 'na' ? 'not_applicable' : { level },
        evidence: NOTES[id] ?? '',
        flagged: id in FLAGGED,
      };
    });
  }
  return {
    id: ASSESSMENT_ID,
    framework_version: 1,
    partnership: 'East Kent',
    clinical_area: 'Respiratory',
    role: 'clinician',
    date: '2026-11-20',
    answers,
    importance: IMPORTANCE,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
  };
}

/** A workbook holding only that assessment, backed up so no reminder shows. */
export function walkthroughWorkbook() {
  return {
    format: 'commissioning-workbook',
    schema_version: 4,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    revision: 1,
    assessments: [walkthroughAssessment()],
    partner_assessments: [],
    plans: [],
    placements: [],
    last_backup_at: '2026-11-20T10:00:00Z',
  };
}
