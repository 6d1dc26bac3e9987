// A heavy but realistic workbook for the performance benchmark (bench/heavy.mjs):
// years of use by a busy clinical lead. Deterministic: a seeded PRNG and fixed
// dates (never the clock), so every run measures the same document.
//
//   50 self-assessments, every statement of the framework rated, each with an
//      evidence note, a few flagged, importance set per area, over 4 years;
//   3 development plans: 200 goals, 1,000 actions, evidence entries, reviews
//      and self-ratings;
//   2 placements: 2,000 activity-log entries with reflections, capabilities
//      and time spent, and projects with milestones.
//
// CLI:
//   node bench/heavy-workbook.mjs [--seed N] > /tmp/heavy.json   compact JSON; size on stderr
//   node bench/heavy-workbook.mjs --check                        validates against
//        schemas/workbook.schema.json (ajv) and the app's own reading rules
//        (framework ids, capability ids, unique ids); exits 1 on failure.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------
// The app's fixed vocabularies (src/model/assessment/framework.rs,
// src/model/capabilities.rs, src/model/placement/activity.rs, …).

/** Framework version 1: domain id → statement count (ids are `<domain>-<n>`). */
export const FRAMEWORK = [
  ['power', 5],
  ['aims', 5],
  ['leadership', 6],
  ['support', 6],
  ['resources', 5],
  ['trust', 5],
  ['structures', 5],
  ['delivery', 6],
];
export const STATEMENT_IDS = FRAMEWORK.flatMap(([d, n]) => Array.from({ length: n }, (_, i) => `${d}-${i + 1}`));

/** Statement texts (framework.rs), for goals made from an assessment statement. */
const STATEMENT_TEXT = {
  'power-1': 'Our clinicians\' views visibly change commissioning decisions.',
  'power-2': 'Clinicians and managers work as a partnership of equals.',
  'power-3': 'Good business cases are approved and weak ones turned down, whoever brings them.',
  'power-4': 'Our clinicians feel they are leading commissioning and making a difference.',
  'power-5': 'Clinicians agree the care pathways we commission before they are adopted.',
  'aims-1': 'Clinicians and managers understand each other\'s ambitions, and our commissioning aims are aligned.',
  'aims-2': 'Our priorities are collective and consistent, and primary care owns them.',
  'aims-3': 'We lead change on big-ticket programmes, not only small projects in areas of personal interest.',
  'aims-4': 'For each piece of work we agree clear objectives, an end goal and a strategy for reaching it.',
  'aims-5': 'Our clinical commissioners act for patients across the whole area, not for their own practices or as providers.',
  'leadership-1': 'Our clinical leaders have the skills to commission services.',
  'leadership-2': 'Our clinical leaders win the trust of the people who hand them power and influence.',
  'leadership-3': 'Our clinical leaders are good at getting people to change how they work.',
  'leadership-4': 'Our clinical leaders bring expert clinical knowledge to service redesign.',
  'leadership-5': 'Our clinical leaders audit, monitor and keep improving services, and help educate and train colleagues.',
  'leadership-6': 'We develop future clinical leaders, not only today\'s.',
  'support-1': 'We get the health needs assessment data we need.',
  'support-2': 'We have indicative budgets for the services we commission.',
  'support-3': 'We receive activity data, with analysis, in time to act on it.',
  'support-4': 'We have project management support to carry our work through.',
  'support-5': 'A formal agreement sets out the support the commissioning organisation gives us, and it treats us as its customer.',
  'support-6': 'If agreed support does not come, we are free to get it from elsewhere.',
  'resources-1': 'Our clinicians have protected, funded time away from their day jobs for commissioning.',
  'resources-2': 'Our clinicians can take part in a good clinical leadership programme.',
  'resources-3': 'There are real incentives for our clinicians to take on more responsibility for commissioning.',
  'resources-4': 'We hold real budgets, not only notional ones, so we can move money between services.',
  'resources-5': 'We know in advance how much of any savings we make we will keep.',
  'trust-1': 'Clinicians and managers respect each other\'s abilities.',
  'trust-2': 'Our managers support and enable clinicians and act as co-leaders in commissioning.',
  'trust-3': 'We break down tribal boundaries between professions, between clinicians and managers, and between the organisation and practices.',
  'trust-4': 'Our partnership is visible and is part of the organisation\'s values and culture.',
  'trust-5': 'We work as team players and take on each other\'s suggestions.',
  'structures-1': 'A joint executive committee of clinical and managerial leaders sets strategy and considers every business case for investment.',
  'structures-2': 'Programme boards deliver our priorities, and clinicians lead some of the programmes.',
  'structures-3': 'Each clinical area has a clinical commissioner paired with a lead commissioner who work on it as a team.',
  'structures-4': 'We recruit clinical commissioners through a formal process against the competencies the role needs.',
  'structures-5': 'Bureaucracy and management hierarchy do not hold up our decisions.',
  'delivery-1': 'We manage demand for the services we commission effectively.',
  'delivery-2': 'We know how referral rates vary between practices and act to reduce variation we cannot explain.',
  'delivery-3': 'Clinicians challenge their peers about unexplained variation, and we make and stand by hard decisions.',
  'delivery-4': 'Our financial performance is assessed in a robust, agreed way.',
  'delivery-5': 'We measure the health outcomes of the services we commission.',
  'delivery-6': 'We measure patients\' experience of the services we commission.',
};

/** MLCF elements (capabilities.rs). */
export const CAPABILITIES = [
  'personal-self-awareness', 'personal-managing-yourself', 'personal-development', 'personal-integrity',
  'others-networks', 'others-relationships', 'others-contribution', 'others-teams',
  'managing-planning', 'managing-resources', 'managing-people', 'managing-performance',
  'improving-safety', 'improving-evaluating', 'improving-innovation', 'improving-transformation',
  'direction-contexts', 'direction-evidence', 'direction-decisions', 'direction-impact',
];
const ACTIVITY_TYPES = ['meeting', 'workshop', 'data_analysis', 'pathway_design', 'stakeholder_engagement', 'business_case', 'training', 'other'];
const EFFECTIVENESS = ['very', 'partly', 'not_effective', 'too_early'];
const SUPPORT = ['protected_time', 'leadership_training', 'mentor_or_coach', 'shadowing', 'project'];
const ROLES = ['clinician', 'manager', 'other'];

// ---------------------------------------------------------------------------
// Seeded randomness and fixed dates.

/** mulberry32: small, fast, good enough for test data. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** `k` distinct items in their original order. */
    some: (xs, k) => {
      const idx = xs.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      return idx.slice(0, k).sort((x, y) => x - y).map((i) => xs[i]);
    },
    hex: (n) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
  return r;
}

const DAY = 86_400_000;
const utc = (iso) => Date.parse(`${iso}T00:00:00Z`);
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
/** RFC 3339 in UTC, whole seconds, as the app writes it. */
const stamp = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const addDays = (iso, n) => day(utc(iso) + n * DAY);
/** The workbook was last written on this day: nothing it records is later. */
const LAST_DAY = '2026-11-27';
const notAfter = (iso) => (iso > LAST_DAY ? LAST_DAY : iso);
const stampNotAfter = (s) => (s > `${LAST_DAY}T18:00:00Z` ? `${LAST_DAY}T18:00:00Z` : s);
const isWeekend = (ms) => [0, 6].includes(new Date(ms).getUTCDay());
/** A moment on `iso`'s day between `fromHour` and `toHour` (UTC). */
const at = (r, iso, fromHour = 8, toHour = 19) => stamp(utc(iso) + r.int(fromHour * 60, toHour * 60) * 60_000 + r.int(0, 59) * 1000);

// ---------------------------------------------------------------------------
// Wording. Banks of NHS commissioning phrases, combined so lengths and
// sentences vary.

const PARTNERSHIPS = [
  'Nene Valley commissioning partnership', 'Eastern and Coastal Kent PBC consortium', 'North Northamptonshire locality',
  'Corby and Kettering GP federation', 'Swale clinical commissioning group', 'Thanet primary care network',
  'Daventry and South Northants locality', 'Canterbury coastal consortium', 'Wellingborough and East Northants PCN alliance',
];
const CLINICAL_AREAS = [
  'Respiratory', 'Diabetes', 'Musculoskeletal', 'Urgent and emergency care', 'Mental health', 'Frailty and older people',
  'Cardiology', 'Dermatology', 'End of life care', 'Children and young people', 'Sleep apnoea', 'Tuberculosis', '',
];
const PEOPLE = [
  'the lead commissioner', 'the PCT director of strategy', 'our practice manager', 'the consultant respiratory physician',
  'the finance lead', 'the public health registrar', 'the locality chair', 'the community matron',
  'the acute trust\'s divisional director', 'the LMC secretary', 'two practice nurses', 'the patient participation group chair',
  'the medicines management lead', 'the business intelligence analyst', 'the contracts manager',
];
const MEETINGS = [
  'programme board', 'joint commissioning executive committee', 'locality meeting', 'clinical reference group',
  'PBC consortium board', 'contract review meeting', 'service redesign workshop', 'protected learning time session',
  'quality and performance committee', 'referral management group', 'peer review session', 'practice engagement evening',
];
const THINGS = [
  'the COPD pathway', 'referral rates for MSK physiotherapy', 'the diabetes community service specification',
  'unexplained variation in outpatient referrals', 'the business case for a community sleep clinic',
  'the tuberculosis screening pathway', 'A&E attendances from care homes', 'the prescribing budget for respiratory inhalers',
  'the heart failure nurse service', 'the retained savings from last year', 'the dermatology triage scheme',
  'the frailty multidisciplinary team', 'the end-of-life register', 'the 18-week referral-to-treatment data',
  'the service level agreement with the community trust', 'the health needs assessment for the coastal wards',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const EVIDENCE_OPENERS = [
  (r) => `Minutes of the ${r.pick(MONTHS)} ${r.pick(MEETINGS)} show ${r.pick(PEOPLE)} changed the decision on ${r.pick(THINGS)}.`,
  (r) => `Discussed with ${r.pick(PEOPLE)} at the ${r.pick(MEETINGS)}.`,
  (r) => `We agreed ${r.pick(THINGS)} jointly, but only after ${r.int(2, 6)} rounds of papers.`,
  (r) => `Still informal: it depends on ${r.pick(PEOPLE)} being in the room.`,
  (r) => `The ${r.pick(MEETINGS)} terms of reference now say who decides on ${r.pick(THINGS)}.`,
  (r) => `Audit of ${r.pick(THINGS)} presented in ${r.pick(MONTHS)}; practices asked for the data by practice.`,
  (r) => `No protected time this quarter, so ${r.pick(THINGS)} slipped.`,
  (r) => `Good example: ${r.pick(PEOPLE)} brought ${r.pick(THINGS)} to us before it went to the board.`,
  (r) => `Budget for ${r.pick(THINGS)} is still notional.`,
  (r) => `See the action log from the ${r.pick(MEETINGS)}.`,
];
const EVIDENCE_FOLLOWERS = [
  () => 'Needs writing into the partnership agreement.',
  (r) => `Raise again at the next ${r.pick(MEETINGS)}.`,
  () => 'Clinicians felt listened to this time.',
  (r) => `${cap(r.pick(PEOPLE))} disagreed, and we recorded why.`,
  () => 'It would not survive a change of chair.',
  (r) => `Follow up with ${r.pick(PEOPLE)} before ${r.pick(MONTHS)}.`,
  () => 'Better than last year, but patchy across localities.',
  () => 'Practices outside the consortium are not yet engaged.',
];

const GOAL_VERBS = ['Lead', 'Chair', 'Redesign', 'Write', 'Present', 'Evaluate', 'Build', 'Agree', 'Set up', 'Review', 'Negotiate', 'Co-produce'];
const GOAL_OBJECTS = [
  'the respiratory programme board', 'a business case for the community sleep clinic', 'the diabetes pathway with secondary care',
  'a peer-review process for referral variation', 'the locality\'s commissioning intentions', 'a joint clinical and managerial induction',
  'the frailty service specification', 'a dashboard of outcomes for the MSK service', 'the patient engagement plan for urgent care',
  'a shared risk register with the acute trust', 'the heart failure service evaluation', 'a mentoring scheme for new clinical leads',
  'the end-of-life care pathway across three practices', 'the prescribing incentive scheme', 'the TB screening pathway',
];
const GOAL_WHENS = ['by the end of the financial year', 'with the lead commissioner', 'across the locality', 'before the contract round', 'this year', ''];
const LEARNING = [
  'How NHS contracts and tariffs work in practice.', 'Chairing a meeting where clinicians and managers disagree.',
  'Reading activity and cost data well enough to challenge it.', 'Writing a business case the executive committee will approve.',
  'Negotiating with a provider without damaging the relationship.', 'Evaluating a service against outcomes, not activity.',
  'Managing my own time between practice and commissioning work.', 'Engaging practices that do not come to locality meetings.',
];
const MEASURES = [
  'Business case approved by the joint committee.', 'Referral variation between practices down by a third.',
  'Feedback from board members at the mid-year review.', 'Pathway signed off and in use in all practices.',
  'Three practices using the new template by March.', 'A 360-degree feedback score above last year\'s.',
];
const ACTION_TEXTS = [
  (r) => `Book a meeting with ${r.pick(PEOPLE)}`, (r) => `Read the briefing on ${r.pick(THINGS)}`,
  (r) => `Draft the paper on ${r.pick(THINGS)} for the ${r.pick(MEETINGS)}`, (r) => `Shadow ${r.pick(PEOPLE)} for a day`,
  (r) => `Get practice-level data on ${r.pick(THINGS)}`, (r) => `Ask ${r.pick(PEOPLE)} for feedback on my chairing`,
  () => 'Attend the clinical leadership programme module', (r) => `Circulate the notes from the ${r.pick(MEETINGS)}`,
  (r) => `Agree the timetable for ${r.pick(THINGS)}`, () => 'Block out protected time in the rota',
];
const REVIEW_TEXTS = [
  'Good progress on the pathway goals; the business case slipped because the finance lead left.',
  'Mid-year review with my mentor. Chairing is getting easier; I still avoid conflict in the programme board.',
  'Most actions done. Deferred the dashboard goal until the data sharing agreement is signed.',
  'Reviewed with the lead commissioner. We agreed to drop two goals and focus on urgent care.',
];
const WHAT_DONE = [
  (r) => `Attended the ${r.pick(MEETINGS)} and presented ${r.pick(THINGS)}.`,
  (r) => `Analysed ${r.pick(THINGS)} by practice and by month, and wrote up the findings for ${r.pick(PEOPLE)}.`,
  (r) => `Ran a workshop with ${r.pick(PEOPLE)} and ${r.pick(PEOPLE)} on ${r.pick(THINGS)}.`,
  (r) => `Mapped the current pathway for ${r.pick(THINGS)} with ${r.pick(PEOPLE)}: where patients wait, who refers, what it costs.`,
  (r) => `Drafted the section of the business case on ${r.pick(THINGS)}.`,
  (r) => `Met ${r.pick(PEOPLE)} to agree the next steps on ${r.pick(THINGS)}.`,
  () => 'Clinical leadership programme: a day on negotiation and influencing.',
  (r) => `Visited three practices to hear how ${r.pick(THINGS)} works for them.`,
];
const WITH_OTHERS = [
  (r) => `Worked closely with ${r.pick(PEOPLE)}; we split the analysis between us.`,
  (r) => `I chaired; ${r.pick(PEOPLE)} took the notes.`, () => 'Mostly on my own, checking in with my supervisor.',
  (r) => `Brought ${r.pick(PEOPLE)} in early, which helped.`, () => '',
];
const KEEP = [
  'Sending the papers a week ahead.', 'Starting from the patient\'s journey, not the contract.', 'Asking the quiet practices first.',
  'Checking the numbers with the analyst before the meeting.', 'Agreeing what decision we need before we start.',
];
const IMPROVE = [
  'Keep to time: we ran out of it before the last item.', 'Be clearer about what I am asking the board to decide.',
  'Involve finance earlier.', 'Write shorter papers with the recommendation first.', 'Follow up actions within two days.',
];
const STOP = ['Trying to answer every question myself.', 'Letting one practice dominate the discussion.', 'Saying yes to every meeting.', ''];
const LEARNT = [
  'I get defensive when my data is challenged; it helped to ask what would convince them.',
  'I am more comfortable presenting to managers than to fellow GPs.',
  'I underestimate how long engagement takes.', 'Silence in a meeting is not agreement.',
  'I work best with a clear plan for the week.', '',
];
const ROLE_IN = ['chairing', 'observing', 'presenting', 'leading the analysis', 'note-taker', 'co-facilitating', ''];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------

/**
 * The heavy workbook, schema version 4. Same seed, same document, byte for byte.
 * @param {{ seed?: number }} [options]
 */
export function heavyWorkbook({ seed = 1 } = {}) {
  const r = prng(seed);
  const used = new Set();
  const id = (kind) => {
    for (;;) {
      const candidate = `${kind}-${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${r.hex(3)}-${r.hex(12)}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const sentence = (bank) => r.pick(bank)(r);

  // Self-assessments: one every month or so from December 2022 to November 2026,
  // ratings drifting upwards as the partnership matures.
  const first = utc('2022-12-01');
  const last = utc('2026-11-20');
  const assessments = Array.from({ length: 50 }, (_, i) => {
    const date = day(first + Math.round(((last - first) * i) / 49) + r.int(-3, 3) * DAY);
    const progress = i / 49;
    const answers = {};
    for (const sid of STATEMENT_IDS) {
      const level = Math.max(0, Math.min(4, Math.round(progress * 3 + r.next() * 2 - 0.5)));
      answers[sid] = {
        rating: r.chance(0.05) ? 'not_applicable' : { level },
        evidence: r.chance(0.5) ? sentence(EVIDENCE_OPENERS) : `${sentence(EVIDENCE_OPENERS)} ${sentence(EVIDENCE_FOLLOWERS)}`,
        flagged: r.chance(0.08),
      };
    }
    const created = at(r, date);
    return {
      id: id('assessment'),
      framework_version: 1,
      partnership: PARTNERSHIPS[i % 3 === 0 ? 0 : r.int(0, PARTNERSHIPS.length - 1)],
      clinical_area: r.pick(CLINICAL_AREAS),
      role: r.pick(ROLES),
      date,
      answers,
      importance: Object.fromEntries(FRAMEWORK.map(([d]) => [d, r.int(1, 3)])),
      created_at: created,
      updated_at: stamp(Date.parse(created) + r.int(10, 20_000) * 60_000),
    };
  });

  // Three plans; 200 goals (45 + 65 + 90) holding exactly 1,000 actions.
  const planShapes = [
    { name: '2023–24 development plan', starts: '2023-04-01', ends: '2024-03-31', goals: 45 },
    { name: '2024–25 development plan', starts: '2024-04-01', ends: '2025-03-31', goals: 65 },
    { name: 'Clinical lead, 2025–27', starts: '2025-04-01', ends: '2027-03-31', goals: 90 },
  ];
  const actionCounts = Array.from({ length: 200 }, () => r.int(1, 9));
  // Nudge the counts to exactly 1,000, never below one, and give one goal of
  // the biggest plan a long action list.
  actionCounts[110 + 10] = 24;
  let total = actionCounts.reduce((a, b) => a + b, 0);
  for (let k = 0; total !== 1000; k = (k + 7) % 200) {
    if (k === 120) continue;
    if (total > 1000 && actionCounts[k] > 1) { actionCounts[k] -= 1; total -= 1; }
    else if (total < 1000 && actionCounts[k] < 9) { actionCounts[k] += 1; total += 1; }
  }
  let goalIndex = 0;
  const plans = planShapes.map((shape) => {
    const span = (utc(shape.ends) - utc(shape.starts)) / DAY;
    const planCreated = at(r, addDays(shape.starts, -r.int(5, 20)));
    const goals = Array.from({ length: shape.goals }, () => {
      const nActions = actionCounts[goalIndex];
      goalIndex += 1;
      const createdDay = addDays(shape.starts, r.int(0, Math.floor(span * 0.6)));
      const status = r.pick(['not_started', 'in_progress', 'in_progress', 'achieved', 'achieved', 'deferred']);
      const fromAssessment = r.chance(0.25) ? r.pick(assessments) : null;
      const statement = r.pick(STATEMENT_IDS);
      const title = fromAssessment
        ? `Improve: ${STATEMENT_TEXT[statement]}`
        : `${r.pick(GOAL_VERBS)} ${r.pick(GOAL_OBJECTS)}${(' ' + r.pick(GOAL_WHENS)).trimEnd()}`;
      const actions = Array.from({ length: nActions }, () => {
        const due = r.chance(0.8) ? addDays(createdDay, r.int(7, 200)) : null;
        const done = status === 'achieved' || r.chance(status === 'in_progress' ? 0.5 : 0.1);
        const createdOn = addDays(createdDay, r.int(0, 20));
        const createdAt = at(r, createdOn);
        const doneOn = done ? notAfter(addDays(createdOn, r.int(1, 200))) : null;
        return {
          id: id('action'),
          text: sentence(ACTION_TEXTS),
          due,
          done_on: doneOn,
          created_at: createdAt,
          updated_at: doneOn ? at(r, doneOn, 19, 22) : createdAt,
        };
      });
      const evidence = Array.from({ length: r.chance(0.6) ? r.int(1, 3) : 0 }, () => {
        const d = notAfter(addDays(createdDay, r.int(10, 300)));
        return {
          id: id('evidence'),
          date: d,
          what_happened: `${sentence(WHAT_DONE)} ${sentence(EVIDENCE_FOLLOWERS)}`,
          learnt: r.pick(LEARNT),
          created_at: at(r, d, 17, 22),
          updated_at: at(r, d, 22, 23),
        };
      });
      const created = at(r, createdDay);
      return {
        id: id('goal'),
        title,
        detail: fromAssessment
          ? `From your self-assessment of ${fromAssessment.partnership}. ${sentence(EVIDENCE_FOLLOWERS)}`
          : r.chance(0.7) ? `${sentence(EVIDENCE_OPENERS)}${r.chance(0.5) ? ` ${sentence(EVIDENCE_FOLLOWERS)}` : ''}` : '',
        learning_need: r.chance(0.8) ? r.pick(LEARNING) : '',
        success_measure: r.chance(0.7) ? r.pick(MEASURES) : '',
        target_date: r.chance(0.85) ? addDays(createdDay, r.int(60, 400)) : null,
        status,
        support: r.some(SUPPORT, r.int(0, 3)),
        capability: r.chance(0.8) ? r.pick(CAPABILITIES) : null,
        outcome: status === 'achieved' ? `${sentence(WHAT_DONE)} ${r.pick(KEEP)}` : '',
        actions,
        evidence,
        created_at: created,
        updated_at: stampNotAfter(stamp(Date.parse(created) + r.int(1, 200) * DAY)),
        origin: fromAssessment ? { assessment_id: fromAssessment.id, statement_id: statement } : null,
      };
    });
    const reviews = Array.from({ length: r.int(3, 6) }, (_, k) => {
      const d = addDays(shape.starts, Math.round(((k + 1) * span) / 7));
      if (d > LAST_DAY) return null;
      return {
        id: id('review'),
        date: d,
        summary: r.pick(REVIEW_TEXTS),
        next_review: addDays(d, r.pick([60, 90, 120])),
        created_at: at(r, d),
        updated_at: at(r, d, 19, 21),
      };
    }).filter(Boolean);
    const self_ratings = [0.1, 0.9].map((f) => {
      const d = addDays(shape.starts, Math.round(f * span));
      return {
        id: id('self-rating'),
        date: d,
        ratings: Object.fromEntries(CAPABILITIES.map((c) => [c, r.int(1, 4)])),
        created_at: at(r, d),
        updated_at: at(r, d, 19, 21),
      };
    });
    return {
      id: id('plan'),
      name: shape.name,
      owner: 'Dr Priya Raman, GP and clinical lead',
      starts: shape.starts,
      ends: shape.ends,
      aim: 'To lead commissioning as an equal partner with managers: chairing, evidence and business cases.',
      goals,
      reviews,
      self_ratings,
      created_at: planCreated,
      updated_at: stampNotAfter(stamp(Date.parse(planCreated) + r.int(100, 300) * DAY)),
    };
  });

  // Two twelve-month placements of 1,000 log entries each, 3–5 on a working day.
  const placementShapes = [
    { organisation: 'NHS Northamptonshire', supervisor: 'Richard Alsop, director of strategy', area: 'Respiratory', start: '2024-11-04' },
    { organisation: 'NHS Eastern and Coastal Kent', supervisor: 'Sarah Okafor, lead commissioner', area: 'Urgent and emergency care', start: '2025-11-24' },
  ];
  const PROJECT_TITLES = [
    'Redesign the COPD pathway', 'Business case: community sleep apnoea clinic', 'Tuberculosis screening pathway',
    'Referral variation peer review', 'Frailty multidisciplinary team evaluation', 'Urgent care patient engagement',
  ];
  const placements = placementShapes.map((shape) => {
    const end = addDays(day(Date.UTC(+shape.start.slice(0, 4) + 1, +shape.start.slice(5, 7) - 1, +shape.start.slice(8))), -1);
    const projects = r.some(PROJECT_TITLES, 4).map((title) => {
      const created = addDays(shape.start, r.int(0, 40));
      let planned = created;
      const milestones = Array.from({ length: r.int(4, 8) }, () => {
        planned = addDays(planned, r.int(14, 50));
        const createdAt = at(r, created);
        return {
          id: id('milestone'),
          title: `${r.pick(['Agree', 'Present', 'Sign off', 'Collect', 'Share'])} ${r.pick(THINGS)}`,
          planned,
          done_on: planned < '2026-11-10' && r.chance(0.6) ? notAfter(addDays(planned, r.int(-5, 10))) : null,
          created_at: createdAt,
          updated_at: createdAt,
        };
      });
      return {
        id: id('project'),
        title,
        aim: `${sentence(WHAT_DONE)} So that ${r.pick(THINGS)} is agreed by practices and the trust.`,
        clinical_area: shape.area,
        stakeholders: `${cap(r.pick(PEOPLE))}, ${r.pick(PEOPLE)}, practices in the locality and the patient participation group.`,
        status: r.pick(['not_started', 'in_progress', 'in_progress', 'on_hold', 'completed']),
        outcome: r.chance(0.5) ? `${sentence(WHAT_DONE)} ${r.pick(KEEP)}` : '',
        milestones,
        created_at: at(r, created),
        updated_at: at(r, notAfter(addDays(created, r.int(10, 200)))),
      };
    });
    const days = [];
    for (let t = utc(shape.start); t <= utc(end); t += DAY) if (!isWeekend(t)) days.push(t);
    // 1,000 entries over the working days, in date order.
    const perDay = days.map(() => 0);
    for (let k = 0; k < 1000; k += 1) perDay[Math.min(days.length - 1, Math.floor((k / 1000) * days.length))] += 1;
    const entries = [];
    days.forEach((t, di) => {
      const d = day(t);
      for (let k = 0; k < perDay[di]; k += 1) {
        const createdAt = stamp(t + (17 * 60 + k * 20 + r.int(0, 15)) * 60_000);
        const edited = r.chance(0.15);
        entries.push({
          id: id('activity'),
          date: d,
          minutes: r.pick([15, 30, 45, 60, 60, 90, 120, 180, 240, 420]),
          activity_type: r.pick(ACTIVITY_TYPES),
          project_id: r.chance(0.7) ? r.pick(projects).id : null,
          role: r.pick(ROLE_IN),
          what_done: r.chance(0.4) ? `${sentence(WHAT_DONE)} ${sentence(EVIDENCE_FOLLOWERS)}` : sentence(WHAT_DONE),
          with_others: sentence(WITH_OTHERS),
          effectiveness: r.chance(0.9) ? r.pick(EFFECTIVENESS) : null,
          keep: r.pick(KEEP),
          improve: r.pick(IMPROVE),
          stop: r.pick(STOP),
          learnt_about_self: r.pick(LEARNT),
          capabilities: r.some(CAPABILITIES, r.int(1, 4)),
          in_summary: r.chance(0.03),
          created_at: createdAt,
          updated_at: edited ? stamp(Date.parse(createdAt) + r.int(1, 72) * 3_600_000) : createdAt,
        });
      }
    });
    const created = at(r, addDays(shape.start, -7));
    return {
      id: id('placement'),
      organisation: shape.organisation,
      supervisor: shape.supervisor,
      clinical_area: shape.area,
      start: shape.start,
      length_months: 12,
      end: null,
      objectives: 'Understand how commissioning decisions are made; lead one pathway redesign from data to sign-off; write a business case.',
      projects,
      entries,
      created_at: created,
      updated_at: entries.at(-1).updated_at,
    };
  });

  const deleted = Array.from({ length: 12 }, (_, k) => ({
    id: id(['goal', 'action', 'activity'][k % 3]),
    kind: ['goal', 'action', 'activity'][k % 3],
    deleted_at: at(r, addDays('2024-01-10', k * 50)),
  }));

  return {
    format: 'commissioning-workbook',
    schema_version: 4,
    created_at: '2022-11-28T09:12:00Z',
    updated_at: '2026-11-27T18:40:00Z',
    revision: 4821,
    assessments,
    partner_assessments: [],
    plans,
    placements,
    deleted,
    last_backup_at: '2026-11-20T20:05:00Z',
    backup_reminder_days: 14,
  };
}

/**
 * Records the benchmark opens: the plan with the most goals and in it the goal
 * with the most actions; the placement with the most entries (the newest of
 * equals, which is the one /placement-log shows); the newest assessment.
 */
export function landmarks(workbook) {
  const plan = workbook.plans.reduce((a, b) => (b.goals.length > a.goals.length ? b : a));
  const goal = plan.goals.reduce((a, b) => (b.actions.length > a.actions.length ? b : a));
  const placement = workbook.placements.reduce((a, b) => (b.entries.length >= a.entries.length ? b : a));
  return { plan, goal, placement, assessment: workbook.assessments.at(-1) };
}

// ---------------------------------------------------------------------------
// Self-check: the published schema, plus what the app checks on reading that a
// JSON Schema cannot say (src/model/files/backup.rs, import_checks/).

export async function check(workbook) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const schemaPath = fileURLToPath(new URL('../schemas/workbook.schema.json', import.meta.url));
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const width of ['uint8', 'uint32', 'uint64']) ajv.addFormat(width, { type: 'number', validate: Number.isInteger });
  const validate = ajv.compile(schema);
  const problems = [];
  if (!validate(workbook)) problems.push(...validate.errors.slice(0, 20).map((e) => `schema: ${e.instancePath} ${e.message}`));

  const ids = [];
  for (const a of workbook.assessments) {
    ids.push(a.id);
    const keys = Object.keys(a.answers);
    if (keys.length !== STATEMENT_IDS.length || !STATEMENT_IDS.every((s) => a.answers[s]?.rating != null)) {
      problems.push(`assessment ${a.id} does not rate every statement`);
    }
    if (Object.keys(a.importance).some((d) => !FRAMEWORK.some(([f]) => f === d))) problems.push(`assessment ${a.id}: unknown area`);
  }
  for (const p of workbook.plans) {
    ids.push(p.id, ...p.reviews.map((x) => x.id), ...p.self_ratings.map((x) => x.id));
    for (const g of p.goals) {
      ids.push(g.id, ...g.actions.map((x) => x.id), ...g.evidence.map((x) => x.id));
      if (g.capability && !CAPABILITIES.includes(g.capability)) problems.push(`goal ${g.id}: unknown capability`);
      if (g.origin && !STATEMENT_IDS.includes(g.origin.statement_id)) problems.push(`goal ${g.id}: unknown statement`);
    }
  }
  for (const pl of workbook.placements) {
    ids.push(pl.id, ...pl.projects.map((x) => x.id), ...pl.projects.flatMap((x) => x.milestones.map((m) => m.id)));
    const projectIds = new Set(pl.projects.map((x) => x.id));
    let previous = '';
    for (const e of pl.entries) {
      ids.push(e.id);
      if (e.date < previous) problems.push(`placement ${pl.id}: entries out of date order`);
      previous = e.date;
      if (e.project_id && !projectIds.has(e.project_id)) problems.push(`entry ${e.id}: unknown project`);
      if (e.capabilities.some((c) => !CAPABILITIES.includes(c))) problems.push(`entry ${e.id}: unknown capability`);
      if (e.minutes < 1 || e.minutes > 24 * 60) problems.push(`entry ${e.id}: minutes out of range`);
    }
  }
  if (new Set(ids).size !== ids.length) problems.push('two records share an id');

  const counts = {
    assessments: workbook.assessments.length,
    plans: workbook.plans.length,
    goals: workbook.plans.reduce((n, p) => n + p.goals.length, 0),
    actions: workbook.plans.reduce((n, p) => n + p.goals.reduce((m, g) => m + g.actions.length, 0), 0),
    evidence: workbook.plans.reduce((n, p) => n + p.goals.reduce((m, g) => m + g.evidence.length, 0), 0),
    reviews: workbook.plans.reduce((n, p) => n + p.reviews.length, 0),
    placements: workbook.placements.length,
    entries: workbook.placements.reduce((n, p) => n + p.entries.length, 0),
    projects: workbook.placements.reduce((n, p) => n + p.projects.length, 0),
    milestones: workbook.placements.reduce((n, p) => n + p.projects.reduce((m, x) => m + x.milestones.length, 0), 0),
  };
  const expected = { assessments: 50, plans: 3, goals: 200, actions: 1000, placements: 2, entries: 2000 };
  for (const [k, v] of Object.entries(expected)) if (counts[k] !== v) problems.push(`${k}: ${counts[k]}, expected ${v}`);
  return { ok: problems.length === 0, problems, counts };
}

// ---------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
  const workbook = heavyWorkbook({ seed });
  const text = JSON.stringify(workbook);
  if (args.includes('--check')) {
    const again = JSON.stringify(heavyWorkbook({ seed }));
    const { ok, problems, counts } = await check(workbook);
    if (again !== text) problems.push('not deterministic: two runs with the same seed differ');
    console.error(JSON.stringify(counts));
    console.error(`${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB compact JSON`);
    if (!ok || again !== text) {
      console.error(`FAILED:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.error('valid against schemas/workbook.schema.json; ids, statements and capabilities check out; deterministic');
  } else {
    process.stdout.write(text);
    console.error(`${Buffer.byteLength(text)} bytes (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB) of compact JSON, seed ${seed}`);
  }
}
