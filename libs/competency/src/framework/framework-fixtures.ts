// Events and values the framework specs share (test-only helpers).
import { BUILT_IN_CATALOGUE } from '../built-in/catalogue.js';
import type { FrameworkDrafted, FrameworkEvent, PositionRequirement, TechnicalCompetency } from './framework-events.js';

export const FRAMEWORK_ID = 'disdik-manokwari-2027';
export const NOW = '2026-11-22T03:00:00.000Z';

export const drafted: FrameworkDrafted = {
  type: 'FrameworkDrafted.v1',
  data: {
    frameworkId: FRAMEWORK_ID,
    agencyId: 'kota-manokwari',
    name: 'Kompetensi Dinas Pendidikan 2027',
    description: null,
    version: 1,
    draftedAt: NOW,
  },
};

export const pedagogik: TechnicalCompetency = {
  code: 'PEDAGOGIK',
  name: 'Kompetensi Pedagogik',
  description: 'Mengelola pembelajaran peserta didik',
  levels: ['Memahami', 'Menerapkan', 'Mengembangkan', 'Membimbing', 'Menjadi rujukan'],
};

export const pedagogikAdded: FrameworkEvent = {
  type: 'TechnicalCompetencyAdded.v1',
  data: { version: 1, competency: pedagogik },
};

export const guruRequirement: PositionRequirement = {
  positionCode: 'guru-ahli-pertama',
  positionTitle: 'Guru Ahli Pertama',
  levels: [
    { competencyCode: 'INTEGRITAS', level: 2 },
    { competencyCode: 'PEDAGOGIK', level: 3 },
  ],
};

export const guruRequirementSet: FrameworkEvent = {
  type: 'PositionRequirementSet.v1',
  data: { version: 1, requirement: guruRequirement },
};

export const openedForComment = (version = 1): FrameworkEvent => ({
  type: 'FrameworkDraftOpenedForComment.v1',
  data: { version, openedAt: NOW },
});

export const published = (version = 1, technical = [pedagogik], positionRequirements = [guruRequirement]) =>
  ({
    type: 'FrameworkVersionPublished.v1',
    data: {
      version,
      name: 'Kompetensi Dinas Pendidikan 2027',
      publishedAt: NOW,
      content: { builtIn: BUILT_IN_CATALOGUE, technical, positionRequirements },
    },
  }) satisfies FrameworkEvent;

export const draftStarted = (version: number, basedOn: number): FrameworkEvent => ({
  type: 'FrameworkDraftStarted.v1',
  data: { version, basedOn, startedAt: NOW },
});
