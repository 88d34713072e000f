// Who is looking at an appraisal, as a relation to it (DESIGN section 7). The API derives it from the token and
// the appraisal's own state (its raterNip / raterSupervisorNip at the time), never from the token's roles alone.

/** The relations that may read an appraisal. Peer reviewers and feedback givers write only, never read. */
export const VIEWERS = ['EMPLOYEE', 'RATER', 'RATER_SUPERVISOR', 'HR', 'AUDITOR'] as const;
export type Viewer = (typeof VIEWERS)[number];

/** The relations that may read the raw event stream (the auditor's one-stream replay). */
export const EVENT_LOG_VIEWERS = ['AUDITOR', 'HR'] as const;
export type EventLogViewer = (typeof EVENT_LOG_VIEWERS)[number];
