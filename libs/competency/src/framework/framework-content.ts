// How content events change a draft's content. Shared by the decider's evolve and the read model, so the
// draft HR edits and the draft people read are computed by the same code.
import type { FrameworkContent, FrameworkEvent } from './framework-events.js';

export const emptyContent = (): FrameworkContent => ({ technical: [], positionRequirements: [] });

export function applyToContent(content: FrameworkContent, event: FrameworkEvent): FrameworkContent {
  switch (event.type) {
    case 'TechnicalCompetencyAdded.v1':
      return { ...content, technical: [...content.technical, event.data.competency] };
    case 'TechnicalCompetencyRevised.v1':
      return {
        ...content,
        technical: content.technical.map((c) => (c.code === event.data.competency.code ? event.data.competency : c)),
      };
    case 'TechnicalCompetencyRemoved.v1':
      return { ...content, technical: content.technical.filter((c) => c.code !== event.data.code) };
    case 'PositionRequirementSet.v1': {
      const rest = content.positionRequirements.filter((r) => r.positionCode !== event.data.requirement.positionCode);
      return {
        ...content,
        positionRequirements: [...rest, event.data.requirement].sort((a, b) =>
          a.positionCode < b.positionCode ? -1 : a.positionCode > b.positionCode ? 1 : 0,
        ),
      };
    }
    case 'PositionRequirementRemoved.v1':
      return {
        ...content,
        positionRequirements: content.positionRequirements.filter((r) => r.positionCode !== event.data.positionCode),
      };
    default:
      return content;
  }
}
