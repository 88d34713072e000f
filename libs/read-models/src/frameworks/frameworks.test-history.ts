// Test-only: two agencies' competency frameworks from the real deciders, for the frameworks read model: drafted,
// technical competencies added, revised and removed, levels per position set and removed, opened for comment,
// commented on, published as version 1, then a second draft edited on top; another agency's framework stays a draft.
import { commentOnCriterionDecider } from '../../../competency/src/comment-on-criterion/comment-on-criterion.js';
import { draftFrameworkDecider } from '../../../competency/src/draft-framework/draft-framework.js';
import { frameworkStreamName, type TechnicalCompetency } from '../../../competency/src/framework/framework-events.js';
import { openDraftForCommentDecider } from '../../../competency/src/open-for-comment/open-for-comment.js';
import { positionRequirementDecider } from '../../../competency/src/position-requirements/position-requirements.js';
import { publishFrameworkVersionDecider } from '../../../competency/src/publish-version/publish-version.js';
import { startNewDraftDecider } from '../../../competency/src/start-new-draft/start-new-draft.js';
import { technicalCompetencyDecider } from '../../../competency/src/technical-competencies/technical-competencies.js';
import { HistoryBuilder } from '../organization/history-builder.js';

const competency = (code: string, name: string): TechnicalCompetency => ({
  code,
  name,
  description: `${name} (teknis)`,
  levels: ['Memahami', 'Menerapkan', 'Mengembangkan', 'Membimbing', 'Menjadi rujukan'],
});

export function buildFrameworkHistory(agencies: [string, string], h = new HistoryBuilder()): HistoryBuilder {
  const [own, other] = agencies;
  const id = `${own}-kompetensi`;
  const stream = frameworkStreamName(id);
  const draft = (frameworkId: string, agencyId: string) =>
    h.run(draftFrameworkDecider, frameworkStreamName(frameworkId), (now) => ({
      type: 'DraftFramework' as const,
      data: { frameworkId, agencyId, name: `Standar Kompetensi ${agencyId}` },
      now,
    }));
  const add = (frameworkId: string, c: TechnicalCompetency) =>
    h.run(technicalCompetencyDecider, frameworkStreamName(frameworkId), () => ({
      type: 'AddTechnicalCompetency' as const,
      frameworkId,
      competency: c,
    }));
  const requirement = (positionCode: string, level: number) =>
    h.run(positionRequirementDecider, stream, () => ({
      type: 'SetPositionRequirement' as const,
      frameworkId: id,
      requirement: {
        positionCode,
        positionTitle: positionCode,
        levels: [
          { competencyCode: 'INTEGRITAS', level: 2 },
          { competencyCode: 'PEDAGOGIK', level },
        ],
      },
    }));
  const comment = (n: number, criterionCode: string) =>
    h.run(
      commentOnCriterionDecider,
      stream,
      (now) => ({
        type: 'CommentOnCriterion' as const,
        frameworkId: id,
        commentId: `00000000-0000-4000-9000-00000000000${n}`,
        criterionCode,
        text: `komentar ${n}`,
        author: { id: `emp-${n}`, role: 'EMPLOYEE', nip: null, name: `Pegawai ${n}` },
        now,
      }),
      { id: `emp-${n}`, role: 'EMPLOYEE' },
    );

  draft(id, own);
  add(id, competency('PEDAGOGIK', 'Kompetensi Pedagogik'));
  add(id, competency('PROFESIONAL', 'Kompetensi Profesional'));
  h.run(technicalCompetencyDecider, stream, () => ({
    type: 'ReviseTechnicalCompetency' as const,
    frameworkId: id,
    competency: competency('PEDAGOGIK', 'Pedagogik'),
  }));
  requirement('guru-ahli-pertama', 3);
  draft(`${other}-kompetensi`, other);
  h.run(openDraftForCommentDecider, stream, (now) => ({ type: 'OpenDraftForComment' as const, frameworkId: id, now }));
  comment(1, 'PEDAGOGIK');
  comment(2, 'KOLABORATIF');
  add(`${other}-kompetensi`, competency('PEMERINTAHAN', 'Tata Pemerintahan'));
  comment(3, 'PEDAGOGIK');
  h.run(publishFrameworkVersionDecider, stream, (now) => ({
    type: 'PublishFrameworkVersion' as const,
    frameworkId: id,
    now,
  }));
  h.run(startNewDraftDecider, stream, (now) => ({ type: 'StartNewDraft' as const, frameworkId: id, now }));
  h.run(technicalCompetencyDecider, stream, () => ({
    type: 'RemoveTechnicalCompetency' as const,
    frameworkId: id,
    code: 'PROFESIONAL',
  }));
  requirement('guru-ahli-muda', 4);
  h.run(positionRequirementDecider, stream, () => ({
    type: 'RemovePositionRequirement' as const,
    frameworkId: id,
    positionCode: 'guru-ahli-pertama',
  }));
  h.run(openDraftForCommentDecider, stream, (now) => ({ type: 'OpenDraftForComment' as const, frameworkId: id, now }));
  comment(4, 'PEDAGOGIK');
  return h;
}
