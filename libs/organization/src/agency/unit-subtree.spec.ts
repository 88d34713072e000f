import { describe, expect, it } from '@jest/globals';
import type { UnitState } from './agency-state.js';
import { subtreeOf } from './unit-subtree.js';

const unit = (parentUnitId: string | null): UnitState => ({ name: 'x', parentUnitId, headNip: null });

describe('the units below a root unit', () => {
  // dinas ─┬─ bidang-sd ─┬─ sd-2
  //        │             └─ sd-1 ── sd-1-annex
  //        └─ bidang-smp
  const units = {
    dinas: unit(null),
    'bidang-smp': unit('dinas'),
    'bidang-sd': unit('dinas'),
    'sd-2': unit('bidang-sd'),
    'sd-1': unit('bidang-sd'),
    'sd-1-annex': unit('sd-1'),
  };

  it('given a root, when its subtree is taken, then the root comes first, then each level with siblings by id', () => {
    expect(subtreeOf(units, 'dinas')).toEqual(['dinas', 'bidang-sd', 'bidang-smp', 'sd-1', 'sd-2', 'sd-1-annex']);
    expect(subtreeOf(units, 'bidang-sd')).toEqual(['bidang-sd', 'sd-1', 'sd-2', 'sd-1-annex']);
  });

  it('given a leaf, then only the leaf', () => {
    expect(subtreeOf(units, 'bidang-smp')).toEqual(['bidang-smp']);
  });

  it('given an unknown unit, then null', () => {
    expect(subtreeOf(units, 'no-such-unit')).toBeNull();
  });

  it('given a corrupt tree with a loop below the root, then every unit once and no endless walk', () => {
    const looped = { root: unit(null), a: unit('b'), b: unit('a'), c: unit('root') };
    expect(subtreeOf({ ...looped, a: unit('root') }, 'root')).toEqual(['root', 'a', 'c', 'b']);
    expect(subtreeOf(looped, 'a')).toEqual(['a', 'b']);
  });
});
