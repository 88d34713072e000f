import { describe, expect, it } from '@jest/globals';
import type { ValueRating } from '../appraisal/appraisal-events.js';
import { PEERS } from '../assessment-fixtures.js';
import { aggregatePeerInput } from './peer-aggregate.js';

const kolaboratif = (rating: ValueRating['rating'], note = ''): ValueRating => ({ value: 'KOLABORATIF', rating, note });
const harmonis = (rating: ValueRating['rating'], note = ''): ValueRating => ({ value: 'HARMONIS', rating, note });

describe('aggregate peer input', () => {
  it('given two reviewers and a minimum of three, then nothing but the count is shown', () => {
    const inputs = {
      [PEERS[0]]: [kolaboratif('DI_ATAS_EKSPEKTASI', 'Sangat membantu')],
      [PEERS[1]]: [kolaboratif('SESUAI_EKSPEKTASI')],
    };
    expect(aggregatePeerInput(inputs, 3)).toEqual({
      reviewers: 2,
      minimum: 3,
      shown: false,
      values: null,
      notes: null,
    });
  });

  it('given no input, then not shown even with a minimum of zero', () => {
    expect(aggregatePeerInput({}, 0)).toEqual({ reviewers: 0, minimum: 0, shown: false, values: null, notes: null });
  });

  it('given three reviewers, then counts per value, responses, and the notes sorted, with no NIP anywhere', () => {
    const inputs = {
      [PEERS[0]]: [kolaboratif('DI_ATAS_EKSPEKTASI', ' Sangat membantu '), harmonis('SESUAI_EKSPEKTASI')],
      [PEERS[1]]: [kolaboratif('SESUAI_EKSPEKTASI', 'Aktif di KKG'), harmonis('DI_BAWAH_EKSPEKTASI', 'Kurang sabar')],
      [PEERS[2]]: [kolaboratif('DI_ATAS_EKSPEKTASI'), harmonis('SESUAI_EKSPEKTASI', '  ')],
    };
    const aggregate = aggregatePeerInput(inputs, 3);
    expect(aggregate).toEqual({
      reviewers: 3,
      minimum: 3,
      shown: true,
      values: [
        {
          value: 'HARMONIS',
          counts: { DI_BAWAH_EKSPEKTASI: 1, SESUAI_EKSPEKTASI: 2, DI_ATAS_EKSPEKTASI: 0 },
          responses: 3,
        },
        {
          value: 'KOLABORATIF',
          counts: { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_ATAS_EKSPEKTASI: 2 },
          responses: 3,
        },
      ],
      notes: ['Aktif di KKG', 'Kurang sabar', 'Sangat membantu'],
    });
    expect(JSON.stringify(aggregate)).not.toMatch(/\d{18}/);
  });

  it('given three reviewers of whom only two rated a value, then that value is left out (an aggregate of two)', () => {
    const inputs = {
      [PEERS[0]]: [kolaboratif('DI_ATAS_EKSPEKTASI'), harmonis('SESUAI_EKSPEKTASI')],
      [PEERS[1]]: [kolaboratif('SESUAI_EKSPEKTASI'), harmonis('SESUAI_EKSPEKTASI')],
      [PEERS[2]]: [kolaboratif('SESUAI_EKSPEKTASI')],
    };
    expect(aggregatePeerInput(inputs, 3).values?.map((v) => v.value)).toEqual(['KOLABORATIF']);
  });

  it('given the same input in any reviewer order, then the same aggregate (order reveals nothing)', () => {
    const a = {
      [PEERS[0]]: [kolaboratif('DI_ATAS_EKSPEKTASI', 'B')],
      [PEERS[1]]: [kolaboratif('SESUAI_EKSPEKTASI', 'A')],
    };
    const b = { [PEERS[1]]: a[PEERS[1]], [PEERS[0]]: a[PEERS[0]] };
    expect(aggregatePeerInput(b, 2)).toEqual(aggregatePeerInput(a, 2));
    expect(aggregatePeerInput(a, 2).notes).toEqual(['A', 'B']);
  });
});
