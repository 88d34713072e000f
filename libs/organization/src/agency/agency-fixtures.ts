// Events for the given/when/then specs of the agency stream (test-only).
import type { AgencyEvent } from './agency-events.js';

export const AGENCY = 'kota-manokwari';

export const agencyRegistered: AgencyEvent = {
  type: 'AgencyRegistered.v1',
  data: {
    agencyId: AGENCY,
    name: 'Dinas Pendidikan Kota Manokwari',
    timeZone: 'Asia/Jayapura',
    registeredAt: '2026-01-05T00:00:00.000Z',
  },
};

export const unitCreated = (unitId: string, parentUnitId: string | null, name = `Unit ${unitId}`): AgencyEvent => ({
  type: 'UnitCreated.v1',
  data: { agencyId: AGENCY, unitId, name, parentUnitId },
});

export const headAssigned = (unitId: string, nip: string, previousNip: string | null = null): AgencyEvent => ({
  type: 'UnitHeadAssigned.v1',
  data: { agencyId: AGENCY, unitId, nip, previousNip },
});

export const headVacated = (unitId: string, previousNip: string, reason: string): AgencyEvent => ({
  type: 'UnitHeadVacated.v1',
  data: { agencyId: AGENCY, unitId, previousNip, reason },
});

/** dinas (root) > bidang-sd > sd-3 */
export const smallTree: AgencyEvent[] = [
  agencyRegistered,
  unitCreated('dinas', null),
  unitCreated('bidang-sd', 'dinas'),
  unitCreated('sd-3', 'bidang-sd'),
];
