// Seed step: a demo ANNUAL SKP cycle for 2026, so the demo agency looks alive. It is opened for one bidang
// (Pembinaan Sekolah Dasar: the bidang, its two seksi and eight primary schools), pinning the demo framework
// version 1 and national policy version 1; every registered employee there gets an appraisal with the rater
// and rater's supervisor the reporting-line rule derives; the SKP plans of the bidang head, of one school head
// (cascading from it) and of everyone else are drafted, submitted and approved but two teachers' (left as drafts);
// then the cycle moves to ASSESSMENT and is rated (seed-demo-cycle-assessment.ts), leaving what the README's
// walk-through does. The pure deciders the API uses decide every event; the seed acts as the system actor of the
// run (`seed-demo`). Idempotent: a second run finds everything done and writes nothing.
import type { DomainEvent } from '../../../../libs/shared-kernel/src/decider.js';
import type { EventMetadata, EventStore, RecordedEvent } from '../../../../libs/event-store/src/port.js';
import type { RaterPlanFact } from '../../../../libs/appraisal/src/appraisal/appraisal-commands.js';
import { appraisalStreamName, type AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type AppraisalState,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import {
  evolveCycle,
  initialCycleState,
  type CycleState,
  type OpenedCycle,
} from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { approvePlanDecider } from '../../../../libs/appraisal/src/approve-plan/approve-plan.js';
import { draftRhkDecider } from '../../../../libs/appraisal/src/draft-rhk/draft-rhk.js';
import { openCycleDecider } from '../../../../libs/appraisal/src/open-cycle/open-cycle.js';
import { setBehaviourExpectationDecider } from '../../../../libs/appraisal/src/set-behaviour-expectation/set-behaviour-expectation.js';
import { startAppraisalDecider } from '../../../../libs/appraisal/src/start-appraisal/start-appraisal.js';
import { submitPlanDecider } from '../../../../libs/appraisal/src/submit-plan/submit-plan.js';
import {
  frameworkStreamName,
  type FrameworkEvent,
} from '../../../../libs/competency/src/framework/framework-events.js';
import { evolveFramework, initialFrameworkState } from '../../../../libs/competency/src/framework/framework-state.js';
import { agencyStreamName, type AgencyEvent } from '../../../../libs/organization/src/agency/agency-events.js';
import {
  evolveAgency,
  initialAgencyState,
  type AgencyState,
  type UnitState,
} from '../../../../libs/organization/src/agency/agency-state.js';
import { subtreeOf } from '../../../../libs/organization/src/agency/unit-subtree.js';
import { employeeStreamName, type EmployeeEvent } from '../../../../libs/organization/src/employee/employee-events.js';
import {
  evolveEmployee,
  initialEmployeeState,
  type EmployeeState,
} from '../../../../libs/organization/src/employee/employee-state.js';
import { effectiveRater } from '../../../../libs/organization/src/reporting-lines/derive-rater.js';
import { DEMO_AGENCY, type DemoAgency } from '../../../../libs/organization-import/src/demo/demo-agency.js';
import { toNewEvents, type ImportContext } from '../../../../libs/organization-import/src/engine/import-context.js';
import { formatPolicyRef } from '../../../../libs/policy/src/versions/policy-events.js';
import { BUILT_IN_VERSION } from '../../../../libs/policy/src/versions/published-versions.js';
import { bidangHeadPlan, generalPlan, schoolHeadPlan, type DemoPlan } from './seed-demo-cycle-plans.js';
import { advanceToAssessment, seedRatings, type SeedStreams } from './seed-demo-cycle-assessment.js';
import {
  DEMO_CYCLE_ID,
  DEMO_CYCLE_ROOT_UNIT_ID,
  DEMO_PLAN_SCHOOL_UNIT_ID,
  walkThroughPeople,
} from '../../../../libs/organization-import/src/demo/demo-cast.js';
import { DEMO_FRAMEWORK_ID } from './seed-demo-framework.js';
import type { DemoSeedStep } from './seed-demo.js';

// The bidang in scope (DEMO_CYCLE_ROOT_UNIT_ID): its head is rated by the Kepala Dinas, who heads the root unit
// and has no rater. The school of DEMO_PLAN_SCHOOL_UNIT_ID: its head's plan cascades from the bidang head's.
const PLAN_REASON = 'demo data: seed-demo acted for the employee and the rater';

type RegisteredAgency = Extract<AgencyState, { status: 'registered' }>;

export const seedDemoCycle: DemoSeedStep = async (context, demo) => {
  const agency = await loadAgency(context.store);
  const { cycle, opened } = await openDemoCycle(context, agency);
  const lines = reportingLines(context.store, agency.units);
  const people = await peopleInScope(cycle, demo, lines.employee);
  let started = 0;
  let unapprovable = 0;
  for (const nip of people) {
    const appraisal = await startAppraisal(context, cycle, nip, lines);
    if (appraisal.started) started++;
    if (appraisal.state.status !== 'none' && appraisal.state.raterSupervisorNip === null) unapprovable++;
  }
  const walkThrough = walkThroughPeople(demo);
  const approved = await seedPlans(
    context,
    cycle,
    agency.units,
    people,
    demo,
    walkThrough.stranded.map((p) => p.nip),
  );
  const streams = seedStreams(context);
  const moved = await advanceToAssessment(context, streams, cycle.cycleId, people);
  const skip = new Set([walkThrough.guru.nip, ...walkThrough.stranded.map((p) => p.nip)]);
  const rated = await seedRatings(context, streams, cycle.cycleId, moved.phase, people, skip);
  // The bidang head's rater, the Kepala Dinas, heads the root unit: nobody in the agency approves their rating.
  const gaps = unapprovable > 0 ? ` (${unapprovable} without a rater's supervisor)` : '';
  return (
    `cycle ${cycle.cycleId} ${opened ? 'opened' : 'already open'} (${cycle.name}, ${cycle.unitIds.length} units, ` +
    `${people.length} people): ${started} appraisals started${gaps}, ${approved} plans approved, ${moved.summary}, ` +
    `${rated.submitted} ratings submitted, ${rated.approved} approved`
  );
};

async function openDemoCycle(context: ImportContext, agency: RegisteredAgency) {
  const stream = cycleStreamName(DEMO_CYCLE_ID);
  const loaded = await load<CycleEvent, ReturnType<typeof initialCycleState>>(
    context.store,
    stream,
    initialCycleState(),
    evolveCycle,
  );
  if (loaded.state.status === 'opened') return { cycle: loaded.state, opened: false };
  const framework = await load<FrameworkEvent, ReturnType<typeof initialFrameworkState>>(
    context.store,
    frameworkStreamName(DEMO_FRAMEWORK_ID),
    initialFrameworkState(),
    evolveFramework,
  );
  if (framework.state.status !== 'exists' || framework.state.lastPublished === null) {
    throw new Error(`framework ${DEMO_FRAMEWORK_ID} has no published version to pin: seed it first`);
  }
  const pinned = BUILT_IN_VERSION; // national version 1: DEFAULT_POLICY
  const events = openCycleDecider.decide(
    {
      type: 'OpenCycle',
      now: context.now,
      data: {
        cycleId: DEMO_CYCLE_ID,
        agencyId: agency.agencyId,
        name: `SKP Tahunan 2026 ${agency.units[DEMO_CYCLE_ROOT_UNIT_ID]?.name ?? DEMO_CYCLE_ROOT_UNIT_ID}`,
        kind: 'ANNUAL',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        rootUnitId: DEMO_CYCLE_ROOT_UNIT_ID,
      },
      timeZone: agency.timeZone,
      unitIds: subtreeOf(agency.units, DEMO_CYCLE_ROOT_UNIT_ID),
      frameworkRef: { frameworkId: DEMO_FRAMEWORK_ID, version: 1 },
      policyRef: { scope: pinned.scope, version: pinned.version },
      policy: pinned.policy,
    },
    loaded.state,
  );
  const cycle = events.reduce(evolveCycle, loaded.state) as OpenedCycle;
  await append(context, stream, loaded.last, events, { policyVersion: formatPolicyRef(cycle.policyRef) });
  return { cycle, opened: true };
}

/** Registered employees of the demo whose unit is in the cycle's subtree now (they may have moved since). */
async function peopleInScope(
  cycle: OpenedCycle,
  demo: DemoAgency,
  employee: (nip: string) => Promise<EmployeeState>,
): Promise<string[]> {
  const units = new Set(cycle.unitIds);
  const people: string[] = [];
  for (const { nip } of demo.people) {
    const state = await employee(nip);
    if (state.status === 'registered' && state.agencyId === cycle.agencyId && units.has(state.unitId ?? '')) {
      people.push(nip);
    }
  }
  return people;
}

/** The appraisal of one person, as the API's fan-out starts it (the decider writes nothing if it exists). */
async function startAppraisal(
  context: ImportContext,
  cycle: OpenedCycle,
  nip: string,
  lines: ReturnType<typeof reportingLines>,
): Promise<{ started: boolean; state: AppraisalState }> {
  const stream = appraisalStreamName(cycle.cycleId, nip);
  const loaded = await loadAppraisal(context.store, stream);
  const employee = await lines.employee(nip);
  if (employee.status !== 'registered' || employee.unitId === null) return { started: false, state: loaded.state };
  const { raterNip, raterSupervisorNip } = await lines.lineOf(nip);
  const events = startAppraisalDecider.decide(
    {
      type: 'StartAppraisal',
      now: context.now,
      cyclePhase: cycle.phase,
      data: {
        cycleId: cycle.cycleId,
        nip,
        agencyId: cycle.agencyId,
        unitId: employee.unitId,
        jobType: employee.jobType,
        raterNip,
        raterSupervisorNip,
        periodStart: cycle.periodStart,
        periodEnd: cycle.periodEnd,
        timeZone: cycle.timeZone,
        frameworkRef: cycle.frameworkRef,
        policyRef: cycle.policyRef,
        policy: cycle.policy,
        reason: 'CYCLE_OPENED',
      },
    },
    loaded.state,
  );
  await append(context, stream, loaded.last, events, { policyVersion: formatPolicyRef(cycle.policyRef) });
  return { started: events.length > 0, state: events.reduce(evolveAppraisal, loaded.state) };
}

/**
 * The bidang head's plan, the school head's cascading from it, then every other head's and everyone else's (raters
 * first, so that each plan can cascade from its rater's), but the `stranded`; the number of plans approved now.
 */
async function seedPlans(
  context: ImportContext,
  cycle: OpenedCycle,
  units: RegisteredAgency['units'],
  people: string[],
  demo: DemoAgency,
  stranded: string[],
): Promise<number> {
  // Plans are made in PLANNING; a cycle someone has moved on is theirs to play with.
  if (cycle.phase !== 'PLANNING') return 0;
  const bidangHeadNip = units[DEMO_CYCLE_ROOT_UNIT_ID]?.headNip ?? null;
  const school = units[DEMO_PLAN_SCHOOL_UNIT_ID];
  if (bidangHeadNip === null || !school || school.headNip === null) return 0;
  const heads = new Set(cycle.unitIds.map((id) => units[id]?.headNip).filter((nip) => nip != null));
  const order = [
    bidangHeadNip,
    school.headNip,
    ...people.filter((nip) => heads.has(nip) && nip !== bidangHeadNip && nip !== school.headNip),
    ...people.filter((nip) => !heads.has(nip) && !stranded.includes(nip)),
  ];
  let approved = 0;
  for (const nip of order) {
    const person = demo.people.find((p) => p.nip === nip);
    const plan: (raterPlan: RaterPlanFact | null) => DemoPlan =
      nip === bidangHeadNip
        ? () => bidangHeadPlan()
        : nip === school.headNip
          ? () => schoolHeadPlan(school.name, bidangHeadNip)
          : (raterPlan) =>
              generalPlan(person?.position ?? 'pegawai', units[person?.unitId ?? '']?.name ?? '', raterPlan);
    if (await seedPlan(context, cycle, nip, plan)) approved++;
  }
  return approved;
}

/**
 * Drafts the RHK, submits, records the ekspektasi khusus and approves, in one append (all or nothing). Only an
 * untouched plan (a draft without RHK) is seeded: never one someone has started through the API.
 */
async function seedPlan(
  context: ImportContext,
  cycle: OpenedCycle,
  nip: string,
  planFor: (raterPlan: RaterPlanFact | null) => DemoPlan,
): Promise<boolean> {
  const stream = appraisalStreamName(cycle.cycleId, nip);
  const loaded = await loadAppraisal(context.store, stream);
  const start = loaded.state;
  if (start.status !== 'active' || start.plan.status !== 'DRAFT' || Object.keys(start.plan.rhk).length > 0) {
    return false;
  }
  const raterPlan = await raterPlanOf(context.store, cycle.cycleId, start.raterNip);
  const plan = planFor(raterPlan);
  const base = { now: context.now, cyclePhase: cycle.phase };
  const asEmployee = { ...base, actorNip: nip };
  const asRater = { ...base, actorNip: start.raterNip };
  const events: AppraisalEvent[] = [];
  let state: AppraisalState = start;
  const apply = (decided: AppraisalEvent[]) => {
    events.push(...decided);
    state = decided.reduce(evolveAppraisal, state);
  };
  for (const rhk of plan.rhk) {
    apply(draftRhkDecider.decide({ type: 'DraftRhk', ...asEmployee, data: rhk, raterPlan }, state));
  }
  apply(submitPlanDecider.decide({ type: 'SubmitPlan', ...asEmployee, data: {} }, state));
  for (const data of plan.expectations) {
    apply(setBehaviourExpectationDecider.decide({ type: 'SetBehaviourExpectation', ...asRater, data }, state));
  }
  apply(approvePlanDecider.decide({ type: 'ApprovePlan', ...asRater, data: {} }, state));
  await append(context, stream, loaded.last, events, {
    policyVersion: formatPolicyRef(start.policyRef),
    reason: PLAN_REASON,
  });
  return true;
}

/** As the API's AppraisalFacts: the rater's plan in the same cycle, null when the rater has no appraisal there. */
async function raterPlanOf(store: EventStore, cycleId: string, raterNip: string | null): Promise<RaterPlanFact | null> {
  if (raterNip === null) return null;
  const { state } = await loadAppraisal(store, appraisalStreamName(cycleId, raterNip));
  return state.status === 'none' ? null : { raterNip, rhkIds: Object.keys(state.plan.rhk) };
}

/**
 * Each employee's pejabat penilai and atasan pejabat penilai by the rule the reporting-lines projection applies
 * (libs/organization/src/reporting-lines/derive-rater.ts): the effective rater (HR override, else derived from
 * the unit tree), and that rater's own effective rater. Folded from the streams, each employee once.
 */
function reportingLines(store: EventStore, units: Readonly<Record<string, UnitState>>) {
  const cache = new Map<string, Promise<EmployeeState>>();
  const employee = (nip: string): Promise<EmployeeState> => {
    if (!cache.has(nip)) {
      cache.set(
        nip,
        load<EmployeeEvent, EmployeeState>(store, employeeStreamName(nip), initialEmployeeState(), evolveEmployee).then(
          (loaded) => loaded.state,
        ),
      );
    }
    return cache.get(nip) as Promise<EmployeeState>;
  };
  const raterOf = async (nip: string): Promise<string | null> => {
    const state = await employee(nip);
    if (state.status !== 'registered') return null;
    return effectiveRater(units, { nip, unitId: state.unitId, override: state.raterOverride }).raterNip;
  };
  return {
    employee,
    async lineOf(nip: string) {
      const raterNip = await raterOf(nip);
      return { raterNip, raterSupervisorNip: raterNip === null ? null : await raterOf(raterNip) };
    },
  };
}

async function loadAgency(store: EventStore): Promise<RegisteredAgency> {
  const { state } = await load<AgencyEvent, AgencyState>(
    store,
    agencyStreamName(DEMO_AGENCY.agencyId),
    initialAgencyState(),
    evolveAgency,
  );
  if (state.status !== 'registered') throw new Error(`agency ${DEMO_AGENCY.agencyId} is not registered`);
  return state;
}

/** The stream helpers of this file, for the assessment steps (seed-demo-cycle-assessment.ts). */
function seedStreams(context: ImportContext): SeedStreams {
  return {
    loadAppraisal: (stream) => loadAppraisal(context.store, stream),
    loadCycle: (stream) => load<CycleEvent, CycleState>(context.store, stream, initialCycleState(), evolveCycle),
    append: (stream, last, events, extra) => append(context, stream, last as RecordedEvent | undefined, events, extra),
  };
}

function loadAppraisal(store: EventStore, stream: string) {
  return load<AppraisalEvent, AppraisalState>(store, stream, initialAppraisalState(), evolveAppraisal);
}

async function load<E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  initial: S,
  evolve: (state: S, event: E) => S,
): Promise<{ state: S; last: RecordedEvent | undefined }> {
  const recorded = await store.readStream(stream);
  const state = recorded.map((e) => ({ type: e.type, data: e.data }) as unknown as E).reduce(evolve, initial);
  return { state, last: recorded.at(-1) };
}

/** Appends after the revision read (a concurrent writer makes it fail, never fork), with the run's metadata. */
async function append(
  context: ImportContext,
  stream: string,
  last: RecordedEvent | undefined,
  events: DomainEvent[],
  extra: Partial<EventMetadata>,
): Promise<void> {
  if (events.length === 0) return;
  const newEvents = toNewEvents(context, events).map((e) => ({ ...e, metadata: { ...e.metadata, ...extra } }));
  await context.store.appendToStream(
    stream,
    newEvents,
    last ? { expected: last.revision, prevHash: last.metadata.hash } : { expected: 'no_stream' },
  );
}
