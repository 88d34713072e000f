// Rules several framework use cases share: which version may be edited, which codes exist, what a level is.
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { builtInCodes, builtInLevelledCodes } from '../built-in/catalogue.js';
import { COMPETENCY_LEVELS } from '../built-in/catalogue-types.js';
import type { DraftStatus, TechnicalCompetency } from './framework-events.js';
import type { DraftVersion, FrameworkState } from './framework-state.js';

export const COMPETENCY_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

export type ExistingFramework = Extract<FrameworkState, { status: 'exists' }>;

export function requireFramework(state: FrameworkState, frameworkId: string): ExistingFramework {
  if (state.status !== 'exists') {
    throw new DomainError('not_found', 'FRAMEWORK_NOT_FOUND', `no competency framework ${frameworkId}`);
  }
  return state;
}

/**
 * The current draft version, in one of the `allowed` statuses (else `refusal`, a conflict). Published versions
 * are immutable, so without a draft nothing can change: NO_DRAFT.
 */
export function requireDraft(
  state: FrameworkState,
  frameworkId: string,
  allowed: readonly DraftStatus[] = ['DRAFT', 'OPEN_FOR_COMMENT'],
  refusal = 'DRAFT_NOT_EDITABLE',
): { framework: ExistingFramework; draft: DraftVersion } {
  const framework = requireFramework(state, frameworkId);
  const draft = framework.draft;
  if (!draft) {
    throw new DomainError(
      'conflict',
      'NO_DRAFT',
      `framework ${frameworkId} has no draft: published version ${framework.lastPublished?.version ?? '?'} ` +
        'cannot change; start a new draft version',
    );
  }
  if (!allowed.includes(draft.status)) {
    throw new DomainError(
      'conflict',
      refusal,
      `draft version ${draft.version} of ${frameworkId} is ${draft.status}; this needs ${allowed.join(' or ')}`,
    );
  }
  return { framework, draft };
}

export function validateTechnicalCompetency(input: TechnicalCompetency): TechnicalCompetency {
  const code = input.code.trim();
  if (!COMPETENCY_CODE.test(code)) {
    throw new DomainError('invalid', 'INVALID_COMPETENCY_CODE', `competency code ${code} must be UPPER_SNAKE_CASE`, [
      { field: 'code', message: 'use A-Z, 0-9 and _, starting with a letter (2-64 characters)' },
    ]);
  }
  const name = input.name.trim();
  const description = input.description.trim();
  if (name.length === 0) throw invalidText('name');
  if (description.length === 0) throw invalidText('description');
  const levels = input.levels.map((l) => l.trim());
  const blank = levels.flatMap((l, i) => (l.length === 0 ? [i + 1] : []));
  if (levels.length !== COMPETENCY_LEVELS.length || blank.length > 0) {
    throw new DomainError(
      'invalid',
      'INVALID_LEVEL_DESCRIPTORS',
      `a technical competency needs one non-blank descriptor for each level 1..5`,
      blank.map((level) => ({ field: `levels.${level - 1}`, level, message: `level ${level} is blank` })),
    );
  }
  return { code, name, description, levels: levels as TechnicalCompetency['levels'] };
}

function invalidText(field: string): DomainError {
  return new DomainError('invalid', 'INVALID_TEXT', `${field} must not be blank`, [{ field, message: 'blank' }]);
}

/** Codes a position may require a level of: the levelled built-ins and the draft's technical ones. */
export const levelledCodes = (draft: DraftVersion): Set<string> =>
  new Set([...builtInLevelledCodes(), ...draft.content.technical.map((c) => c.code)]);

/** Codes one may comment on: every criterion, BerAKHLAK values included. */
export const criterionCodes = (draft: DraftVersion): Set<string> =>
  new Set([...builtInCodes(), ...draft.content.technical.map((c) => c.code)]);

export const isCompetencyLevel = (level: number): boolean => Number.isInteger(level) && level >= 1 && level <= 5;
