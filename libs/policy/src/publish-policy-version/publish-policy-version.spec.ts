import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { DEFAULT_POLICY } from '../default-policy.js';
import type { Policy } from '../policy.js';
import type { PolicyVersionPublished } from '../versions/policy-events.js';
import { publishPolicyVersionDecider, type PublishPolicyVersion } from './publish-policy-version.js';

const spec = specFor(publishPolicyVersionDecider);
const NOW = '2026-11-22T03:00:00.000Z';
const ADMIN = { roles: ['ADMIN'] };
const HR_MANOKWARI = { roles: ['HR'], agencyId: 'kota-manokwari' };

const workingDays: Policy = {
  ...DEFAULT_POLICY,
  objection: { ...DEFAULT_POLICY.objection, windowCounting: 'WORKING' },
};
const agencyWide: Policy = { ...DEFAULT_POLICY, distribution: { ...DEFAULT_POLICY.distribution, scope: 'AGENCY' } };

function publish(
  scope: string,
  policy: unknown,
  extra: Partial<PublishPolicyVersion['data']> = {},
  publisher: PublishPolicyVersion['publisher'] = ADMIN,
  facts: Partial<PublishPolicyVersion['facts']> = {},
): PublishPolicyVersion {
  return {
    type: 'PublishPolicyVersion',
    data: { scope, policy, reason: 'SE MenPANRB baru: hari kerja', ...extra },
    publisher,
    facts: { nationalLatestVersion: 1, basedOnPublished: false, ...facts },
    now: NOW,
  };
}

const published = (
  scope: string,
  version: number,
  policy: Policy,
  basedOn: PolicyVersionPublished['data']['basedOn'],
): PolicyVersionPublished => ({
  type: 'PolicyVersionPublished.v1',
  data: { scope, version, policy, basedOn, reason: 'SE MenPANRB baru: hari kerja', publishedAt: NOW },
});

describe('publish a policy version', () => {
  it('given no national events, when ADMIN publishes national, then version 2 based on the built-in version 1', () => {
    spec
      .given([])
      .when(publish('national', workingDays))
      .then([published('national', 2, workingDays, { scope: 'national', version: 1 })]);
  });

  it('given national 2, when ADMIN publishes again, then version 3 based on 2', () => {
    spec
      .given([published('national', 2, workingDays, { scope: 'national', version: 1 })])
      .when(publish('national', agencyWide))
      .then([published('national', 3, agencyWide, { scope: 'national', version: 2 })]);
  });

  it("given no agency events, when HR publishes its own agency's first version, then version 1 based on national latest", () => {
    spec
      .given([])
      .when(publish('kota-manokwari', workingDays, {}, HR_MANOKWARI, { nationalLatestVersion: 4 }))
      .then([published('kota-manokwari', 1, workingDays, { scope: 'national', version: 4 })]);
  });

  it('given an explicit basedOn in another scope that the handler found published, then it is recorded', () => {
    spec
      .given([])
      .when(
        publish('kota-manokwari', workingDays, { basedOn: { scope: 'national', version: 1 } }, HR_MANOKWARI, {
          basedOnPublished: true,
        }),
      )
      .then([published('kota-manokwari', 1, workingDays, { scope: 'national', version: 1 })]);
  });

  it('given a basedOn that is not published (other scope, or a future version of this one), then 404-kind', () => {
    spec
      .given([])
      .when(publish('kota-manokwari', workingDays, { basedOn: { scope: 'national', version: 9 } }, HR_MANOKWARI))
      .thenThrows('BASED_ON_VERSION_NOT_FOUND', 'not_found');
    spec
      .given([published('kota-manokwari', 1, workingDays, { scope: 'national', version: 1 })])
      .when(publish('kota-manokwari', agencyWide, { basedOn: { scope: 'kota-manokwari', version: 2 } }, HR_MANOKWARI))
      .thenThrows('BASED_ON_VERSION_NOT_FOUND', 'not_found');
  });

  it('given version 2 is published, when someone publishes "version 2" again, then POLICY_VERSION_IMMUTABLE', () => {
    spec
      .given([published('national', 2, workingDays, { scope: 'national', version: 1 })])
      .when(publish('national', agencyWide, { version: 2 }))
      .thenThrows('POLICY_VERSION_IMMUTABLE', 'conflict');
    // the built-in version 1 is published too
    spec
      .given([])
      .when(publish('national', agencyWide, { version: 1 }))
      .thenThrows('POLICY_VERSION_IMMUTABLE', 'conflict');
  });

  it('given the expected next version, it is accepted; a version beyond it is a gap', () => {
    spec
      .given([])
      .when(publish('national', agencyWide, { version: 2 }))
      .then([published('national', 2, agencyWide, { scope: 'national', version: 1 })]);
    spec
      .given([])
      .when(publish('national', agencyWide, { version: 5 }))
      .thenThrows('POLICY_VERSION_GAP', 'invalid');
  });

  it('given the latest version has the same content, when published again, then POLICY_UNCHANGED', () => {
    spec.given([]).when(publish('national', DEFAULT_POLICY)).thenThrows('POLICY_UNCHANGED', 'conflict');
    spec
      .given([published('kota-manokwari', 1, workingDays, { scope: 'national', version: 1 })])
      .when(publish('kota-manokwari', JSON.parse(JSON.stringify(workingDays)), {}, HR_MANOKWARI))
      .thenThrows('POLICY_UNCHANGED', 'conflict');
  });

  it('HR publishes only for its own agency, never national; ADMIN for any agency', () => {
    spec
      .given([])
      .when(publish('kab-sorong', workingDays, {}, HR_MANOKWARI))
      .thenThrows('POLICY_PUBLISHER_NOT_ALLOWED', 'invalid');
    spec
      .given([])
      .when(publish('national', workingDays, {}, HR_MANOKWARI))
      .thenThrows('POLICY_PUBLISHER_NOT_ALLOWED', 'invalid');
    spec
      .given([])
      .when(publish('kota-manokwari', workingDays, {}, { roles: ['EMPLOYEE'], agencyId: 'kota-manokwari' }))
      .thenThrows('POLICY_PUBLISHER_NOT_ALLOWED', 'invalid');
    spec
      .given([])
      .when(publish('kab-sorong', workingDays, {}, ADMIN))
      .then([published('kab-sorong', 1, workingDays, { scope: 'national', version: 1 })]);
  });

  it('an invalid policy is refused with every problem as a field path under "policy"', () => {
    const broken = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Record<string, Record<string, unknown>>;
    delete (broken.predikatMatrix.DI_ATAS_EKSPEKTASI as Record<string, unknown>).DI_BAWAH_EKSPEKTASI;
    broken.objection.windowDays = 0;
    const error = spec.given([]).when(publish('national', broken)).thenThrows('INVALID_POLICY', 'invalid');
    expect(error.details.map((d) => d.field)).toEqual([
      'policy.predikatMatrix.DI_ATAS_EKSPEKTASI.DI_BAWAH_EKSPEKTASI',
      'policy.objection.windowDays',
    ]);
  });

  it('a blank reason and a malformed scope are refused', () => {
    spec
      .given([])
      .when(publish('national', workingDays, { reason: '  ' }))
      .thenThrows('REASON_REQUIRED', 'invalid');
    spec.given([]).when(publish('Kota Manokwari', workingDays)).thenThrows('INVALID_POLICY_SCOPE', 'invalid');
  });
});
