import { describe, expect, it } from '@jest/globals';
import { validateNip } from '../../../organization/src/nip.js';
import { CsvParser } from '../csv/csv-parser.js';
import { generateDemoAgency } from './demo-agency.js';

describe('generateDemoAgency', () => {
  const demo = generateDemoAgency();

  it('is the same on every run (seeded)', () => {
    expect(generateDemoAgency().employeesCsv).toBe(demo.employeesCsv);
  });

  it('has three levels of units and about 200 employees with unique, valid NIPs', () => {
    const depth = (id: string): number => {
      const parent = demo.units.find((u) => u.id === id)?.parent;
      return parent ? 1 + depth(parent) : 1;
    };
    expect(Math.max(...demo.units.map((u) => depth(u.id)))).toBe(3);
    expect(demo.people.length).toBeGreaterThanOrEqual(190);
    expect(demo.people.length).toBeLessThanOrEqual(230);
    expect(new Set(demo.people.map((p) => p.nip)).size).toBe(demo.people.length);
    for (const person of demo.people) expect(validateNip(person.nip, '2026-11-22')).toMatchObject({ ok: true });
  });

  it('gives every unit exactly one head', () => {
    for (const unit of demo.units) {
      expect(demo.people.filter((p) => p.unitId === unit.id && p.head)).toHaveLength(1);
    }
  });

  it('writes CSV as Indonesian Excel does (BOM, ;, CRLF) that our parser reads back', () => {
    expect(demo.unitsCsv.startsWith('\uFEFFID_UNIT;NAMA_UNIT;ID_INDUK\r\n')).toBe(true);
    const parser = new CsvParser();
    const records = [...parser.push(demo.employeesCsv), ...parser.end()];
    expect(records).toHaveLength(demo.people.length + 1);
    expect(records[1].fields[1]).toBe(demo.people[0].name);
  });
});
