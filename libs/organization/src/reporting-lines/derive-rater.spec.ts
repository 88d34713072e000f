import { describe, expect, it } from '@jest/globals';
import { derivedRaterOf, effectiveRater, type UnitNode } from './derive-rater.js';

// dinas (head KADIS) > bidang-sd (head KABID) > sd-3 (head KEPSEK), sd-5 (vacant)
const units: Record<string, UnitNode> = {
  dinas: { parentUnitId: null, headNip: 'KADIS' },
  'bidang-sd': { parentUnitId: 'dinas', headNip: 'KABID' },
  'sd-3': { parentUnitId: 'bidang-sd', headNip: 'KEPSEK' },
  'sd-5': { parentUnitId: 'bidang-sd', headNip: null },
};

describe('reporting-line rule', () => {
  it("a member's rater is the head of their unit", () => {
    expect(derivedRaterOf(units, 'sd-3', 'GURU')).toBe('KEPSEK');
  });

  it("a unit head's rater is the head of the parent unit", () => {
    expect(derivedRaterOf(units, 'sd-3', 'KEPSEK')).toBe('KABID');
    expect(derivedRaterOf(units, 'bidang-sd', 'KABID')).toBe('KADIS');
  });

  it('in a vacant unit the nearest head further up rates', () => {
    expect(derivedRaterOf(units, 'sd-5', 'GURU')).toBe('KABID');
  });

  it('the head of the root unit, and someone without a unit, have no rater', () => {
    expect(derivedRaterOf(units, 'dinas', 'KADIS')).toBeNull();
    expect(derivedRaterOf(units, null, 'GURU')).toBeNull();
    expect(derivedRaterOf(units, 'unknown', 'GURU')).toBeNull();
  });

  it('an override replaces the derived rater and carries its reason', () => {
    expect(
      effectiveRater(units, { nip: 'GURU', unitId: 'sd-3', override: { raterNip: 'KABID', reason: 'Plt.' } }),
    ).toEqual({
      raterNip: 'KABID',
      source: 'override',
      reason: 'Plt.',
    });
    expect(effectiveRater(units, { nip: 'GURU', unitId: 'sd-3', override: null })).toEqual({
      raterNip: 'KEPSEK',
      source: 'derived',
      reason: null,
    });
  });
});
