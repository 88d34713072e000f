// Who plays which part in the demo (README "With demo data", "Console"): the demo cycle, the bidang it covers, the
// school of the walk-through and its people. One definition for the seed (apps/cli) and the console's dev-mode
// picker (apps/api), so the tokens the seed prints and the picker's users are the same people.
import type { DemoAgency, DemoPerson } from './demo-agency.js';

export const DEMO_CYCLE_ID = 'skp-2026-disdik-manokwari';
/** The cycle covers the Bidang SD and everything below it. */
export const DEMO_CYCLE_ROOT_UNIT_ID = 'bid-sd';
/** The school whose head and teacher the walk-through follows. */
export const DEMO_PLAN_SCHOOL_UNIT_ID = 'sdn-01-manokwari';
/** The school two of whose teachers are left with draft plans (the readiness report's example). */
export const DEMO_STRANDED_SCHOOL_UNIT_ID = 'sdn-02-manokwari';

/** The walk-through's teacher and the two teachers whose plans stay drafts. */
export function walkThroughPeople(demo: DemoAgency): { guru: DemoPerson; stranded: DemoPerson[] } {
  const guru = demo.people.find((p) => !p.head && p.unitId === DEMO_PLAN_SCHOOL_UNIT_ID && p.jobType === 'FUNGSIONAL')!;
  const stranded = demo.people
    .filter((p) => !p.head && p.unitId === DEMO_STRANDED_SCHOOL_UNIT_ID && p.jobType === 'FUNGSIONAL')
    .sort((a, b) => a.nip.localeCompare(b.nip))
    .slice(-2);
  return { guru, stranded };
}

/** The heads the seed prints tokens for: the Kepala Bidang SD and the walk-through school's head. */
export function demoHeads(demo: DemoAgency): { kepalaBidang: DemoPerson; kepalaSekolah: DemoPerson } {
  const head = (unitId: string) => demo.people.find((p) => p.head && p.unitId === unitId)!;
  return { kepalaBidang: head(DEMO_CYCLE_ROOT_UNIT_ID), kepalaSekolah: head(DEMO_PLAN_SCHOOL_UNIT_ID) };
}
