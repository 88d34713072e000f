// Test-only: a realistic history of two agencies and their people, from the real organization deciders, for the
// organization, reporting_lines, conflicts_of_interest and employee_directory read models: a unit tree that is
// renamed and re-rooted, heads assigned, vacated and replaced, employees registered (one by the foundation's
// EmployeeRegistered.v1), moved, promoted and renamed, rater overrides set and cleared, declarations of conflicts
// of interest declared and withdrawn.
import { agencyStreamName } from '../../../organization/src/agency/agency-events.js';
import type { AgencyState } from '../../../organization/src/agency/agency-state.js';
import { unitFactFrom } from '../../../organization/src/agency/unit-fact.js';
import { assignUnitHeadDecider } from '../../../organization/src/assign-unit-head/assign-unit-head.js';
import { changePositionDecider } from '../../../organization/src/change-position/change-position.js';
import { declareConflictOfInterestDecider } from '../../../organization/src/conflict-of-interest/declare-conflict-of-interest.js';
import { withdrawConflictOfInterestDecider } from '../../../organization/src/conflict-of-interest/withdraw-conflict-of-interest.js';
import { createUnitDecider } from '../../../organization/src/create-unit/create-unit.js';
import { employeeStreamName } from '../../../organization/src/employee/employee-events.js';
import { moveEmployeeDecider } from '../../../organization/src/move-employee/move-employee.js';
import { clearRaterOverrideDecider } from '../../../organization/src/rater-override/clear-rater-override.js';
import { overrideRaterDecider } from '../../../organization/src/rater-override/override-rater.js';
import { registerAgencyDecider } from '../../../organization/src/register-agency/register-agency.js';
import { registerEmployeeDecider } from '../../../organization/src/register-employee/register-employee.js';
import { renameEmployeeDecider } from '../../../organization/src/rename-employee/rename-employee.js';
import { updateUnitDecider } from '../../../organization/src/update-unit/update-unit.js';
import { vacateUnitHeadDecider } from '../../../organization/src/vacate-unit-head/vacate-unit-head.js';
import { HistoryBuilder } from './history-builder.js';

export const A = 'kota-manokwari';
export const B = 'kab-sorong';
export const [KADIS, KABID, KEPSEK3, KEPSEK4, PLT] = [
  '197001012000011001',
  '197501012000011001',
  '198001012005011001',
  '198101012006011001',
  '198201012006011001',
];
export const TEACHERS = [1, 2, 3, 4, 5, 6].map((i) => `19850315201001100${i}`);
export const LEGACY = '196501012000011001';
export const OTHER = '198601012012011001';

export function buildOrganizationHistory(h = new HistoryBuilder()): HistoryBuilder {
  const agency = (id: string): AgencyState => h.state(agencyStreamName(id), createUnitDecider);
  const registerAgency = (agencyId: string, name: string) =>
    h.run(registerAgencyDecider, agencyStreamName(agencyId), (now) => ({
      type: 'RegisterAgency' as const,
      data: { agencyId, name, timeZone: 'Asia/Jayapura' as const },
      now,
    }));
  const unit = (agencyId: string, unitId: string, parentUnitId?: string) =>
    h.run(createUnitDecider, agencyStreamName(agencyId), () => ({
      type: 'CreateUnit' as const,
      data: { agencyId, unitId, name: `Unit ${unitId}`, parentUnitId },
    }));
  const employee = (agencyId: string, nip: string, unitId: string) =>
    h.run(registerEmployeeDecider, employeeStreamName(nip), (now) => ({
      type: 'RegisterEmployee' as const,
      data: {
        nip,
        name: `Pegawai ${nip.slice(-4)}`,
        employmentType: 'PNS' as const,
        agencyId,
        unitId,
        positionTitle: 'Guru Ahli Pertama',
        golongan: 'III/b',
        jobType: 'FUNGSIONAL' as const,
      },
      unit: unitFactFrom(agency(agencyId), unitId),
      now,
    }));
  const head = (unitId: string, nip: string) =>
    h.run(assignUnitHeadDecider, agencyStreamName(A), () => ({
      type: 'AssignUnitHead' as const,
      data: { agencyId: A, unitId, nip },
      headEmployee: { agencyId: A },
    }));
  const vacate = (unitId: string, reason: string) =>
    h.run(vacateUnitHeadDecider, agencyStreamName(A), () => ({
      type: 'VacateUnitHead' as const,
      data: { agencyId: A, unitId, reason },
    }));
  const move = (nip: string, unitId: string) =>
    h.run(moveEmployeeDecider, employeeStreamName(nip), (now) => ({
      type: 'MoveEmployee' as const,
      data: { nip, unitId, effectiveDate: now.slice(0, 10) },
      unit: unitFactFrom(agency(A), unitId),
    }));
  const override = (nip: string, raterNip: string, reason: string) =>
    h.run(overrideRaterDecider, employeeStreamName(nip), () => ({
      type: 'OverrideRater' as const,
      data: { nip, raterNip, reason },
      rater: { agencyId: A },
    }));
  const declare = (nip: string, raterNip: string, declarationId: string, declaredBy: 'RATEE' | 'RATER' | 'HR') =>
    h.run(declareConflictOfInterestDecider, employeeStreamName(nip), (now) => ({
      type: 'DeclareConflictOfInterest' as const,
      data: { nip, raterNip, kind: 'FAMILY' as const, description: `declared by the ${declaredBy.toLowerCase()}` },
      declarationId,
      declaredBy,
      rater: { agencyId: A },
      now,
    }));
  const [G1, G2, G3, G4, G5, G6] = TEACHERS;

  registerAgency(A, 'Dinas Pendidikan Kota Manokwari');
  registerAgency(B, 'Kabupaten Sorong');
  unit(A, 'dinas');
  for (const [id, parent] of [
    ['bidang-sd', 'dinas'],
    ['bidang-smp', 'dinas'],
    ['sd-3', 'bidang-sd'],
    ['sd-4', 'bidang-sd'],
    ['smp-1', 'bidang-smp'],
  ]) {
    unit(A, id, parent);
  }
  unit(B, 'setda');
  // Registered by the foundation, before units and positions were recorded: upcast on every replay.
  h.legacy(employeeStreamName(LEGACY), {
    type: 'EmployeeRegistered.v1',
    data: {
      nip: LEGACY,
      name: 'Pegawai Lama',
      employmentType: 'PNS',
      agencyId: A,
      unitId: null,
      positionTitle: null,
      birthDate: '1965-01-01',
      gender: 'MALE',
      appointmentMonth: '2000-01',
      registeredAt: '2025-06-01T00:00:00.000Z',
    },
  });
  employee(A, KADIS, 'dinas');
  employee(A, KABID, 'bidang-sd');
  employee(A, KEPSEK3, 'sd-3');
  employee(A, KEPSEK4, 'sd-4');
  employee(A, PLT, 'bidang-smp');
  for (const [i, nip] of TEACHERS.entries()) employee(A, nip, i < 3 ? 'sd-3' : 'sd-4');
  employee(B, OTHER, 'setda');
  head('dinas', KADIS);
  head('bidang-sd', KABID);
  head('sd-3', KEPSEK3);
  head('sd-4', KEPSEK4);

  move(G3, 'sd-4');
  move(LEGACY, 'smp-1');
  h.run(changePositionDecider, employeeStreamName(G2), (now) => ({
    type: 'ChangePosition' as const,
    data: {
      nip: G2,
      positionTitle: 'Guru Ahli Muda',
      golongan: 'III/c',
      jobType: 'FUNGSIONAL' as const,
      effectiveDate: now.slice(0, 10),
    },
  }));
  h.run(renameEmployeeDecider, employeeStreamName(G1), () => ({
    type: 'RenameEmployee' as const,
    data: { nip: G1, name: 'Siti Rahayu Mandacan', reason: 'akta perkawinan' },
  }));
  override(G4, PLT, 'Plt. kepala sekolah');
  declare(G1, KEPSEK3, '00000000-0000-4000-8000-000000000001', 'RATEE');
  declare(G5, KEPSEK4, '00000000-0000-4000-8000-000000000002', 'HR');
  declare(G6, KEPSEK4, '00000000-0000-4000-8000-000000000003', 'RATER');
  vacate('sd-4', 'kepala sekolah pensiun');
  head('bidang-smp', PLT);
  h.run(clearRaterOverrideDecider, employeeStreamName(G4), () => ({
    type: 'ClearRaterOverride' as const,
    data: { nip: G4, reason: 'kepala sekolah definitif' },
  }));
  override(G5, KABID, 'kepala sekolah sedang tugas belajar');
  h.run(withdrawConflictOfInterestDecider, employeeStreamName(G5), (now) => ({
    type: 'WithdrawConflictOfInterest' as const,
    data: { nip: G5, declarationId: '00000000-0000-4000-8000-000000000002', reason: 'bukan kerabat' },
    now,
  }));
  h.run(updateUnitDecider, agencyStreamName(A), () => ({
    type: 'UpdateUnit' as const,
    data: { agencyId: A, unitId: 'sd-3', name: 'SD Negeri 3 Manokwari', parentUnitId: 'bidang-smp' },
  }));
  vacate('bidang-sd', 'mutasi');
  head('sd-4', G6);
  h.run(renameEmployeeDecider, employeeStreamName(KEPSEK3), () => ({
    type: 'RenameEmployee' as const,
    data: { nip: KEPSEK3, name: 'Yohanis Mandacan, S.Pd.', reason: 'gelar' },
  }));
  head('bidang-sd', KABID);
  move(KEPSEK4, 'dinas');
  return h;
}
