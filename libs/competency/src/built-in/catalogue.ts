// The built-in catalogue every agency framework includes. Published framework versions carry a snapshot
// of it (FrameworkVersionPublished.v1), so a correction here never changes a published version.
import { BERAKHLAK } from './berakhlak.js';
import type { BerakhlakValue, LevelledCompetency } from './catalogue-types.js';
import { MANAGERIAL, SOCIO_CULTURAL } from './managerial.js';

export interface BuiltInCatalogue {
  berakhlak: readonly BerakhlakValue[];
  managerial: readonly LevelledCompetency[];
  socioCultural: readonly LevelledCompetency[];
}

export const BUILT_IN_CATALOGUE: BuiltInCatalogue = {
  berakhlak: BERAKHLAK,
  managerial: MANAGERIAL,
  socioCultural: SOCIO_CULTURAL,
};

/** Codes of the built-in competencies that have levels 1..5 (usable in required levels). */
export const builtInLevelledCodes = (catalogue: BuiltInCatalogue = BUILT_IN_CATALOGUE): string[] => [
  ...catalogue.managerial.map((c) => c.code),
  ...catalogue.socioCultural.map((c) => c.code),
];

/** Every built-in code: BerAKHLAK values and levelled competencies (all may be commented on). */
export const builtInCodes = (catalogue: BuiltInCatalogue = BUILT_IN_CATALOGUE): string[] => [
  ...catalogue.berakhlak.map((v) => v.code),
  ...builtInLevelledCodes(catalogue),
];
