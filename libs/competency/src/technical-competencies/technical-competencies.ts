// HR adds, revises and removes the agency's technical competencies on the draft version (never on a
// published one). Codes are unique across the built-ins and the draft's own competencies.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { builtInCodes } from '../built-in/catalogue.js';
import type { FrameworkEvent, TechnicalCompetency } from '../framework/framework-events.js';
import { requireDraft, validateTechnicalCompetency } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

export type TechnicalCompetencyCommand =
  | { type: 'AddTechnicalCompetency'; frameworkId: string; competency: TechnicalCompetency }
  | { type: 'ReviseTechnicalCompetency'; frameworkId: string; competency: TechnicalCompetency }
  | { type: 'RemoveTechnicalCompetency'; frameworkId: string; code: string };

export function decideTechnicalCompetency(
  command: TechnicalCompetencyCommand,
  state: FrameworkState,
): FrameworkEvent[] {
  const { draft } = requireDraft(state, command.frameworkId);
  const existing = (code: string) => draft.content.technical.find((c) => c.code === code);
  switch (command.type) {
    case 'AddTechnicalCompetency': {
      const competency = validateTechnicalCompetency(command.competency);
      if (builtInCodes().includes(competency.code) || existing(competency.code)) {
        throw new DomainError(
          'conflict',
          'DUPLICATE_COMPETENCY_CODE',
          `competency code ${competency.code} is already used in ${command.frameworkId} (built-in or technical)`,
          [{ field: 'code', message: 'already used' }],
        );
      }
      return [{ type: 'TechnicalCompetencyAdded.v1', data: { version: draft.version, competency } }];
    }
    case 'ReviseTechnicalCompetency': {
      const competency = validateTechnicalCompetency(command.competency);
      const current = existing(competency.code);
      if (!current) throw notFound(command.frameworkId, competency.code);
      if (JSON.stringify(current) === JSON.stringify(competency)) return [];
      return [{ type: 'TechnicalCompetencyRevised.v1', data: { version: draft.version, competency } }];
    }
    case 'RemoveTechnicalCompetency': {
      if (!existing(command.code)) throw notFound(command.frameworkId, command.code);
      const users = draft.content.positionRequirements
        .filter((r) => r.levels.some((l) => l.competencyCode === command.code))
        .map((r) => r.positionCode);
      if (users.length > 0) {
        throw new DomainError(
          'conflict',
          'COMPETENCY_IN_USE',
          `${command.code} is required by position(s) ${users.join(', ')}; change those requirements first`,
          users.map((positionCode) => ({ field: 'code', positionCode, message: 'required by this position' })),
        );
      }
      return [{ type: 'TechnicalCompetencyRemoved.v1', data: { version: draft.version, code: command.code } }];
    }
  }
}

function notFound(frameworkId: string, code: string): DomainError {
  return new DomainError(
    'not_found',
    'TECHNICAL_COMPETENCY_NOT_FOUND',
    `the draft of ${frameworkId} has no technical competency ${code}`,
  );
}

export const technicalCompetencyDecider: Decider<TechnicalCompetencyCommand, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decideTechnicalCompetency,
  evolve: evolveFramework,
};
