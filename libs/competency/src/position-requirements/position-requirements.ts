// Required competency level per position, part of the framework version so later issues can compute
// gaps (gap = required - assessed). Every code must be a levelled competency of this draft; levels 1..5.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { CompetencyLevel } from '../built-in/catalogue-types.js';
import type { FrameworkEvent, PositionRequirement } from '../framework/framework-events.js';
import { isCompetencyLevel, levelledCodes, requireDraft } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

export type PositionRequirementCommand =
  | {
      type: 'SetPositionRequirement';
      frameworkId: string;
      requirement: { positionCode: string; positionTitle: string; levels: { competencyCode: string; level: number }[] };
    }
  | { type: 'RemovePositionRequirement'; frameworkId: string; positionCode: string };

export function decidePositionRequirement(
  command: PositionRequirementCommand,
  state: FrameworkState,
): FrameworkEvent[] {
  const { draft } = requireDraft(state, command.frameworkId);
  if (command.type === 'RemovePositionRequirement') {
    if (!draft.content.positionRequirements.some((r) => r.positionCode === command.positionCode)) {
      throw new DomainError(
        'not_found',
        'POSITION_REQUIREMENT_NOT_FOUND',
        `the draft of ${command.frameworkId} has no requirement for position ${command.positionCode}`,
      );
    }
    return [
      { type: 'PositionRequirementRemoved.v1', data: { version: draft.version, positionCode: command.positionCode } },
    ];
  }
  const requirement = validateRequirement(command.requirement, levelledCodes(draft));
  return [{ type: 'PositionRequirementSet.v1', data: { version: draft.version, requirement } }];
}

function validateRequirement(
  input: Extract<PositionRequirementCommand, { type: 'SetPositionRequirement' }>['requirement'],
  known: Set<string>,
): PositionRequirement {
  const positionTitle = input.positionTitle.trim();
  if (positionTitle.length === 0) {
    throw new DomainError('invalid', 'INVALID_TEXT', 'positionTitle must not be blank', [
      { field: 'positionTitle', message: 'blank' },
    ]);
  }
  if (input.levels.length === 0) {
    throw new DomainError('invalid', 'EMPTY_REQUIREMENT', 'a position requirement needs at least one level', [
      { field: 'levels', message: 'empty' },
    ]);
  }
  const seen = new Set<string>();
  const problems = input.levels.flatMap(({ competencyCode, level }, i) => {
    const field = `levels.${i}`;
    const found: { code: string; field: string; message: string }[] = [];
    if (seen.has(competencyCode)) {
      found.push({ code: 'DUPLICATE_REQUIRED_COMPETENCY', field, message: `${competencyCode} is listed twice` });
    }
    seen.add(competencyCode);
    if (!known.has(competencyCode)) {
      found.push({
        code: 'UNKNOWN_COMPETENCY',
        field: `${field}.competencyCode`,
        message: `${competencyCode} is not a levelled competency of this framework (managerial, socio-cultural or technical)`,
      });
    }
    if (!isCompetencyLevel(level)) {
      found.push({ code: 'LEVEL_OUT_OF_RANGE', field: `${field}.level`, message: `level ${level} is not 1..5` });
    }
    return found;
  });
  if (problems.length > 0) {
    // The first problem names the error; details list them all, so one round trip fixes everything.
    throw new DomainError(
      'invalid',
      problems[0].code,
      problems.map((p) => p.message).join('; '),
      problems.map(({ field, message, code }) => ({ field, message, problem: code })),
    );
  }
  return {
    positionCode: input.positionCode,
    positionTitle,
    levels: input.levels.map(({ competencyCode, level }) => ({ competencyCode, level: level as CompetencyLevel })),
  };
}

export const positionRequirementDecider: Decider<PositionRequirementCommand, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decidePositionRequirement,
  evolve: evolveFramework,
};
