// Members' single-assessment files and workbooks with group rounds, made up
// for the group view's tests and its benchmark: deterministic, so a figure
// worked out here can be checked against the page.

/** The framework's areas and how many statements each has (src/model/assessment/framework.rs). */
export const AREAS = { power: 5, aims: 5, leadership: 6, support: 6, resources: 5, trust: 5, structures: 5, delivery: 6 };
/** The areas' titles, in the same order. */
export const ROUND_AREAS = [
  'Power and influence',
];

const pad = (n) => String(n).padStart(3, '0');

/**
 * Member `n`'s assessment as the app exports it for a partner or a group:
 * odd members are clinicians, even managers; each statement's level is
 * `level(n, statement number)` (by default a spread from 0 to 4), the last
 * statement of each area "not applicable"; evidence text that must never be
 * kept by the round; importance 1 to 3.
 */
export function memberFile(n, { changed = '2026-11-20T09:00:00Z', level = (m, s) => (m + s) % 5 } = {}) {
  const answers = {};
  for (const [area, count] of Object.entries(AREAS)) {
    for (let s = 1; s <= count; s += 1) {
      answers[`${area}-${s}`] = s === count
        ? { rating: 'not_applicable', evidence: '', flagged: false }
        : { rating: { level: level(n, s) }, evidence: `Board minutes of practice ${n}`, flagged: false };
    }
  }
  const importance = Object.fromEntries(Object.keys(AREAS).map((area, i) => [area, 1 + ((n + i) % 3)]));
  const assessment = {
    id: `assessment-member-${pad(n)}`,
    framework_version: 1,
    partnership: `Practice ${n}`,
    clinical_area: 'Respiratory',
    role: n % 2 ? 'clinician' : 'manager',
    date: '2026-11-15',
    answers,
    importance,
    created_at: '2026-11-15T09:00:00Z',
    updated_at: changed,
  };
  const text = JSON.stringify({ format: 'commissioning-workbook-assessment', schema_version: 1, framework_version: 1, assessment });
  return { name: `member-${pad(n)}.json`, text };
}

/** Members 1 to `count`'s files. */
export function memberFiles(count) {
  return Array.from({ length: count }, (_, i) => memberFile(i + 1));
}

/** A round's member as the workbook keeps it, from member `n`'s file. */
function keptMember(n, roundId, level) {
  const ratings = {};
  for (const [area, count] of Object.entries(AREAS)) {
    for (let s = 1; s < count; s += 1) ratings[`${area}-${s}`] = { level: level(n, s) };
  }
  return {
    id: `member-${roundId}-${n}`,
    label: `Member ${n}`,
    role: n % 2 ? 'clinician' : 'manager',
    source_id: `assessment-member-${pad(n)}`,
    source_changed_at: '2026-11-20T09:00:00Z',
    assessed_on: '2026-11-15',
    ratings,
    importance: Object.fromEntries(Object.keys(AREAS).map((area, i) => [area, 1 + ((n + i) % 3)])),
    created_at: '2026-11-21T09:00:00Z',
    updated_at: '2026-11-21T09:00:00Z',
  };
}

function round(id, name, day, members, level) {
  return {
    id, name, held_on: day, anonymised: true,
    members: Array.from({ length: members }, (_, i) => keptMember(i + 1, id, level)),
    agreements: [],
    created_at: `${day}T09:00:00Z`, updated_at: `${day}T09:00:00Z`,
  };
}

/**
 * A workbook (as the app saves it, version 5) with two rounds: an autumn
 * round of 12 members, mostly at level 1, and the spring workshop of 12,
 * mostly at level 2 and 3, whose workshop agreed trust at level 1 with a target of
 * 2 by 31 March 2027. Backed up after its last change, so no reminder shows.
 */
export function groupWorkbook() {
  return {
    format: 'commissioning-workbook', schema_version: 5, revision: 1,
    created_at: '2026-10-01T09:00:00Z', updated_at: '2026-12-01T09:00:00Z',
    assessments: [], partner_assessments: [], plans: [], placements: [],
    group: {
      rounds: [
        round('round-autumn', 'Autumn round', '2026-10-01', 12, (m, s) => (m + s) % 3),
        {
          ...round('round-spring', 'Spring workshop', '2026-12-01', 12, (m, s) => 1 + ((m + s) % 3)),
          agreements: [{
            id: 'agreement-trust', domain_id: 'trust', agreed_level: 1, target_level: 2, target_date: '2027-03-31',
            note: 'Trust is built practice by practice.', created_at: '2026-12-01T11:00:00Z', updated_at: '2026-12-01T11:00:00Z',
          }],
        },
      ],
    },
    deleted: [], last_backup_at: '2026-12-02T09:00:00Z', backup_reminder_days: 14,
  };
}
