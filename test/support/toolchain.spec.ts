import { describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { createTestDatabase } from './test-database.js';

@Injectable()
class Clock {
  now(): string {
    return 'tick';
  }
}

@Injectable()
class UsesClock {
  constructor(readonly clock: Clock) {}
}

@Module({ providers: [Clock, UsesClock] })
class SmokeModule {}

describe('toolchain', () => {
  it('emits decorator metadata, so Nest constructor injection works (without it Nest injects undefined)', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SmokeModule] }).compile();
    expect(moduleRef.get(UsesClock).clock.now()).toBe('tick');
  });

  it('reaches the embedded PostgreSQL started in global setup', async () => {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ v: string }>('SELECT current_setting($$server_version$$) AS v');
    await client.end();
    await db.drop();
    expect(Number(rows[0].v.split('.')[0])).toBeGreaterThanOrEqual(15);
  });
});
