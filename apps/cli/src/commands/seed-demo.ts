// `npm run cli -- seed-demo [--write-csv DIR]`: loads the demo agency (Dinas Pendidikan Kota Manokwari, WIT)
// by generating its units and employees CSV files (fixed seed) and importing them through the same engine
// as `import-units` / `import-employees`, then publishes its competency framework and opens a demo 2026 SKP cycle
// for one bidang, planned and rated up to what the README's walk-through does (seed-demo-framework.ts,
// seed-demo-cycle.ts). Idempotent: a second run writes nothing. Prints dev tokens (with NIP, name and roles) for an
// HR user and a few employees so that `npm start` can be explored at once.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../../../libs/config/src/config.js';
import { fold } from '../../../../libs/shared-kernel/src/decider.js';
import { issueDevToken, loadOrCreateDevKey, Role } from '../../../../libs/auth/src/index.js';
import type { EventStore } from '../../../../libs/event-store/src/port.js';
import { agencyStreamName, type AgencyEvent } from '../../../../libs/organization/src/agency/agency-events.js';
import { evolveAgency, initialAgencyState } from '../../../../libs/organization/src/agency/agency-state.js';
import { decideRegisterAgency } from '../../../../libs/organization/src/register-agency/register-agency.js';
import { openInfrastructure, type Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import {
  DEMO_AGENCY,
  generateDemoAgency,
  type DemoAgency,
} from '../../../../libs/organization-import/src/demo/demo-agency.js';
import { toNewEvents, type ImportContext } from '../../../../libs/organization-import/src/engine/import-context.js';
import { importEmployees } from '../../../../libs/organization-import/src/engine/import-employees.js';
import { importUnits } from '../../../../libs/organization-import/src/engine/import-units.js';
import type { ImportReport } from '../../../../libs/organization-import/src/report.js';
import { parseFlags, type CliCommand } from '../command.js';
import { seedDemoCycle } from './seed-demo-cycle.js';
import { seedDemoFramework } from './seed-demo-framework.js';
import {
  DEMO_CYCLE_ID,
  demoHeads,
  walkThroughPeople,
} from '../../../../libs/organization-import/src/demo/demo-cast.js';

/**
 * Steps that run after the organization is loaded, in order (the cycle pins the framework the step before
 * publishes). Each step must be idempotent and return one summary line.
 */
export type DemoSeedStep = (context: ImportContext, demo: DemoAgency) => Promise<string>;
export const demoSeedSteps: DemoSeedStep[] = [seedDemoFramework, seedDemoCycle];

export interface SeedDemoDependencies {
  open?: (config: Config) => Promise<Pick<Infrastructure, 'eventStore' | 'close'>>;
  output?: { write(text: string): unknown };
  now?: () => Date;
}

export function createSeedDemoCommand(deps: SeedDemoDependencies = {}): CliCommand {
  return {
    name: 'seed-demo',
    summary: `load the demo agency (${DEMO_AGENCY.name}: units, ~200 employees, unit heads, a 2026 cycle); idempotent`,
    usage: 'seed-demo [--write-csv DIR]',

    async run(args: string[], config: Config): Promise<number> {
      const flags = parseFlags(args, { 'write-csv': 'value' });
      const output = deps.output ?? process.stdout;
      const demo = generateDemoAgency();
      if (typeof flags['write-csv'] === 'string') {
        await mkdir(flags['write-csv'], { recursive: true });
        await writeFile(join(flags['write-csv'], 'units.csv'), demo.unitsCsv);
        await writeFile(join(flags['write-csv'], 'employees.csv'), demo.employeesCsv);
      }
      const infrastructure = await (deps.open ?? openInfrastructure)(config);
      const context: ImportContext = {
        store: infrastructure.eventStore,
        actor: { id: 'seed-demo', role: Role.ADMIN },
        correlationId: randomUUID(),
        now: (deps.now?.() ?? new Date()).toISOString(),
      };
      let reports: ImportReport[];
      try {
        output.write(`${DEMO_AGENCY.agencyId}: ${await registerAgency(context)}\n`);
        reports = [
          await importUnits(context, DEMO_AGENCY.agencyId, [demo.unitsCsv]),
          await importEmployees(context, DEMO_AGENCY.agencyId, [demo.employeesCsv]),
        ];
        for (const r of reports) {
          output.write(
            `${r.kind}: ${r.rows} rows, ${r.imported} imported, ${r.unchanged} unchanged, ${r.failed} failed\n`,
          );
          for (const e of r.errors) output.write(`  line ${e.line} ${e.column ?? ''}: ${e.reason}\n`);
        }
        for (const step of demoSeedSteps) output.write(`${await step(context, demo)}\n`);
      } finally {
        await infrastructure.close();
      }
      if (config.auth.jwksUrl === undefined) await printTokens(config, demo, output);
      return reports.every((r) => r.failed === 0) ? 0 : 1;
    },
  };
}

async function registerAgency(context: ImportContext): Promise<string> {
  const stream = agencyStreamName(DEMO_AGENCY.agencyId);
  const history = await context.store.readStream(stream);
  const state = fold(
    evolveAgency,
    initialAgencyState(),
    history.map((e) => ({ type: e.type, data: e.data }) as AgencyEvent),
  );
  if (state.status === 'registered') return 'agency already registered';
  const events = decideRegisterAgency({ type: 'RegisterAgency', data: { ...DEMO_AGENCY }, now: context.now }, state);
  await appendNew(context.store, stream, context, events);
  return `agency registered (${DEMO_AGENCY.name}, ${DEMO_AGENCY.timeZone})`;
}

function appendNew(store: EventStore, stream: string, context: ImportContext, events: AgencyEvent[]) {
  return store.appendToStream(stream, toNewEvents(context, events), { expected: 'no_stream' });
}

/**
 * Dev tokens (8 h) for people of the demo agency: HR, the head of the office, the head of the bidang in the demo
 * cycle, a school head of that bidang, a teacher of that school.
 */
async function printTokens(config: Config, demo: DemoAgency, output: { write(text: string): unknown }) {
  const key = await loadOrCreateDevKey(config.auth.devKeyFile);
  const agencyId = DEMO_AGENCY.agencyId;
  const kepalaDinas = demo.people.find((p) => p.jobType === 'JPT')!;
  const { kepalaBidang, kepalaSekolah } = demoHeads(demo);
  const { guru } = walkThroughPeople(demo);
  const who = [
    { label: 'HR (kepegawaian)', sub: 'hr-disdik-manokwari', roles: [Role.HR], name: 'Admin Kepegawaian' },
    { label: `Kepala Dinas ${kepalaDinas.name}`, sub: `pegawai-${kepalaDinas.nip}`, roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR], nip: kepalaDinas.nip, name: kepalaDinas.name },
    { label: `Kepala Bidang ${kepalaBidang.name} (cycle ${DEMO_CYCLE_ID})`, sub: `pegawai-${kepalaBidang.nip}`, roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR], nip: kepalaBidang.nip, name: kepalaBidang.name },
    { label: `Kepala Sekolah ${kepalaSekolah.name}`, sub: `pegawai-${kepalaSekolah.nip}`, roles: [Role.EMPLOYEE, Role.RATER], nip: kepalaSekolah.nip, name: kepalaSekolah.name },
    { label: `Guru ${guru.name}`, sub: `pegawai-${guru.nip}`, roles: [Role.EMPLOYEE], nip: guru.nip, name: guru.name },
  ]; // prettier-ignore
  output.write('\ndev tokens (8h):\n');
  for (const { label, ...claims } of who) {
    const token = await issueDevToken(key, { ...claims, agencyId, audience: config.auth.audience });
    // Who the token is, so nobody has to decode a JWT to learn the teacher's NIP.
    const nip = 'nip' in claims ? `NIP ${claims.nip}` : 'no NIP';
    output.write(`  ${label}: ${nip}, roles ${claims.roles.join(', ')}\n    ${token}\n`);
  }
}

export const seedDemoCommand = createSeedDemoCommand();
