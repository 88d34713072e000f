import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, NOW, RATER, declared, registered } from '../employee/employee-fixtures.js';
import { declareConflictOfInterestDecider, type DeclareConflictOfInterest } from './declare-conflict-of-interest.js';
import { withdrawConflictOfInterestDecider } from './withdraw-conflict-of-interest.js';

const declare = specFor(declareConflictOfInterestDecider);
const withdraw = specFor(withdrawConflictOfInterestDecider);
const command = (
  data: Partial<DeclareConflictOfInterest['data']> = {},
  rater: DeclareConflictOfInterest['rater'] = { agencyId: 'kota-manokwari' },
  declarationId = 'd-1',
): DeclareConflictOfInterest => ({
  type: 'DeclareConflictOfInterest',
  data: { nip: NIP, raterNip: RATER, kind: 'FAMILY', description: ' the rater is my uncle ', ...data },
  declarationId,
  declaredBy: 'RATEE',
  rater,
  now: NOW,
});

describe('declare a conflict of interest', () => {
  it('given a ratee, when the ratee declares a family relation with the rater, then ConflictOfInterestDeclared', () => {
    declare
      .given([registered])
      .when(command())
      .then([declared('d-1', 'FAMILY')]);
  });

  it('given a ratee, when the conflict is with themself, then CONFLICT_WITH_SELF', () => {
    declare
      .given([registered])
      .when(command({ raterNip: NIP }))
      .thenThrows('CONFLICT_WITH_SELF', 'invalid');
  });

  it('given a ratee, when the description is blank, then DESCRIPTION_REQUIRED', () => {
    declare
      .given([registered])
      .when(command({ description: ' ' }))
      .thenThrows('DESCRIPTION_REQUIRED', 'invalid');
  });

  it('given a ratee, when the rater is not registered, then RATER_NOT_FOUND', () => {
    declare.given([registered]).when(command({}, null)).thenThrows('RATER_NOT_FOUND', 'not_found');
  });

  it('given an active declaration of the same kind for the pair, when declared again, then ALREADY_DECLARED', () => {
    declare
      .given([registered, declared('d-1', 'FAMILY')])
      .when(command({}, { agencyId: 'kota-manokwari' }, 'd-2'))
      .thenThrows('CONFLICT_OF_INTEREST_ALREADY_DECLARED', 'conflict');
  });

  it('given a withdrawn declaration, when declared again, then a new declaration', () => {
    const withdrawn = {
      type: 'ConflictOfInterestWithdrawn.v1' as const,
      data: { nip: NIP, declarationId: 'd-1', raterNip: RATER, reason: 'error', withdrawnAt: NOW },
    };
    declare
      .given([registered, declared('d-1'), withdrawn])
      .when(command({}, { agencyId: 'kota-manokwari' }, 'd-2'))
      .then([declared('d-2')]);
  });

  it('given no ratee, when declared, then EMPLOYEE_NOT_FOUND', () => {
    declare.given([]).when(command()).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });
});

describe('withdraw a conflict of interest', () => {
  const withdrawal = (declarationId = 'd-1', reason = 'declared for the wrong rater') => ({
    type: 'WithdrawConflictOfInterest' as const,
    data: { nip: NIP, declarationId, reason },
    now: NOW,
  });

  it('given an active declaration, when HR withdraws it with a reason, then ConflictOfInterestWithdrawn', () => {
    withdraw
      .given([registered, declared()])
      .when(withdrawal())
      .then([
        {
          type: 'ConflictOfInterestWithdrawn.v1',
          data: {
            nip: NIP,
            declarationId: 'd-1',
            raterNip: RATER,
            reason: 'declared for the wrong rater',
            withdrawnAt: NOW,
          },
        },
      ]);
  });

  it('given a declaration, when withdrawn without a reason, then REASON_REQUIRED', () => {
    withdraw.given([registered, declared()]).when(withdrawal('d-1', ' ')).thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given no such declaration, when withdrawn, then DECLARATION_NOT_FOUND', () => {
    withdraw.given([registered]).when(withdrawal('d-9')).thenThrows('DECLARATION_NOT_FOUND', 'not_found');
  });

  it('given a withdrawn declaration, when withdrawn again, then DECLARATION_ALREADY_WITHDRAWN', () => {
    const withdrawn = {
      type: 'ConflictOfInterestWithdrawn.v1' as const,
      data: { nip: NIP, declarationId: 'd-1', raterNip: RATER, reason: 'x', withdrawnAt: NOW },
    };
    withdraw
      .given([registered, declared(), withdrawn])
      .when(withdrawal())
      .thenThrows('DECLARATION_ALREADY_WITHDRAWN', 'conflict');
  });
});
