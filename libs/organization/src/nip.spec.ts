import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { validateNip } from './nip.js';

const TODAY = '2026-11-22';

describe('validateNip', () => {
  it('accepts a well-formed NIP and reads its parts', () => {
    expect(validateNip('198503152010011002', TODAY)).toEqual({
      ok: true,
      value: {
        nip: '198503152010011002',
        birthDate: '1985-03-15',
        appointmentMonth: '2010-01',
        gender: 'MALE',
        sequence: '002',
      },
    });
    expect(validateNip('199012312015032001', TODAY)).toMatchObject({ ok: true, value: { gender: 'FEMALE' } });
  });

  it.each([
    ['19850315201001100', 'length'],
    ['1985031520100110021', 'length'],
    ['19850315201001100x', 'length'],
    ['198502302010011002', 'birthDate'], // 30 February
    ['198513012010011002', 'birthDate'], // month 13
    ['203001012050011002', 'birthDate'], // born in the future
    ['198503152010131002', 'appointment'], // month 13
    ['198503152030011002', 'appointment'], // appointed in the future
    ['198503152003031002', 'appointment'], // the month of the 18th birthday is not after it
    ['198503152000011002', 'appointment'], // appointed at 14
    ['198503152010013002', 'gender'],
    ['198503152010010002', 'gender'],
  ])('rejects %s naming the bad part (%s)', (nip, part) => {
    const result = validateNip(nip, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.part)).toContain(part);
  });

  it('reports every bad part at once', () => {
    const result = validateNip('198502302030013002', TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.part).sort()).toEqual(['appointment', 'birthDate', 'gender']);
  });

  it('property: any real birth date + appointment after the 18th birthday + gender 1|2 is accepted', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2000-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom('1', '2'),
        fc.integer({ min: 0, max: 999 }),
        (birth, monthsAfter18, gender, seq) => {
          const y = birth.getUTCFullYear();
          const m = birth.getUTCMonth() + 1;
          const d = birth.getUTCDate();
          const total = (y + 18) * 12 + (m - 1) + monthsAfter18;
          const ay = Math.floor(total / 12);
          const am = (total % 12) + 1;
          fc.pre(`${ay}-${String(am).padStart(2, '0')}` <= TODAY.slice(0, 7));
          const nip = `${y}${pad(m)}${pad(d)}${ay}${pad(am)}${gender}${String(seq).padStart(3, '0')}`;
          expect(validateNip(nip, TODAY).ok).toBe(true);
        },
      ),
    );
  });
});

const pad = (n: number) => String(n).padStart(2, '0');
