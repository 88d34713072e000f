// docker/ cannot run here (no Docker engine), so this checks that compose.yaml and the Dockerfile agree with
// the code: the variables the services get are the ones loadConfig validates, and the values pass it.
import { describe, expect, it } from '@jest/globals';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, loadConfig } from '../../libs/config/src/config.js';
import {
  commandOf,
  environmentOf,
  esdbHosts,
  npmScriptOf,
  substituteVariables,
  type ComposeFile,
} from './compose-file.js';

const compose = load(readFileSync('docker/compose.yaml', 'utf8')) as ComposeFile;
const dockerfile = readFileSync('docker/Dockerfile', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

const APP_SERVICES = ['api', 'projector'];
const esdbServices = Object.entries(compose.services)
  .filter(([, service]) => /^(eventstore\/eventstore|docker\.kurrent\.io\/)/.test(service.image ?? ''))
  .map(([name]) => name);

describe('docker/compose.yaml', () => {
  it('has the api, the projector, PostgreSQL 16 and a 3-node EventStoreDB cluster', () => {
    for (const name of APP_SERVICES) expect(compose.services[name]).toBeDefined();
    expect(compose.services.postgres.image).toMatch(/^postgres:16/);
    expect(esdbServices).toHaveLength(3);
    for (const name of esdbServices) {
      const env = environmentOf(compose.services[name]);
      expect(env.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      // Each node seeds gossip with the other two.
      expect(env.EVENTSTORE_GOSSIP_SEED?.split(',')).toHaveLength(2);
    }
  });

  it.each(APP_SERVICES)('sets only variables that config.ts validates on %s', (name) => {
    const keys = Object.keys(environmentOf(compose.services[name]));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !(CONFIG_VARIABLES as readonly string[]).includes(k))).toEqual([]);
  });

  it.each(APP_SERVICES)('gives %s an environment loadConfig accepts as written', (name) => {
    const env = substituteVariables(environmentOf(compose.services[name]), {});
    const config = loadConfig(env);
    expect(config.databaseUrl).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(config.eventStoreUrl).toBeDefined();
  });

  it('runs the projections in the projector service, not in the api', () => {
    const config = loadConfig(substituteVariables(environmentOf(compose.services.api), {}));
    expect(config.projector).toBe('external');
    expect(npmScriptOf(commandOf(compose.services.projector))).toBe('projector');
  });

  it('uses two PostgreSQL roles: the owner only for the api to migrate, the service role for the work', () => {
    const postgres = environmentOf(compose.services.postgres);
    const userOf = (url: string | undefined) => decodeURIComponent(new URL(url ?? '').username);
    const api = loadConfig(substituteVariables(environmentOf(compose.services.api), {}));
    const projector = loadConfig(substituteVariables(environmentOf(compose.services.projector), {}));
    expect(userOf(api.migrationDatabaseUrl)).toBe(postgres.POSTGRES_USER);
    expect(userOf(api.databaseUrl)).toBe('kinerja_service');
    expect(userOf(projector.databaseUrl)).toBe('kinerja_service');
    expect(projector.migrationDatabaseUrl).toBeUndefined();
    // The init script that creates the service role is mounted where the image runs it on first start.
    const volumes = (compose.services.postgres as { volumes?: string[] }).volumes ?? [];
    expect(volumes).toContain('./postgres-init:/docker-entrypoint-initdb.d:ro');
    const init = readFileSync('docker/postgres-init/10-service-role.sh', 'utf8');
    expect(init).toMatch(/CREATE ROLE kinerja_service LOGIN NOSUPERUSER/);
    // Same password variable for the role and the URLs that log in as it.
    expect(postgres.KINERJA_SERVICE_PASSWORD).toContain('${KINERJA_SERVICE_PASSWORD');
    const pw = substituteVariables({ p: postgres.KINERJA_SERVICE_PASSWORD }, { KINERJA_SERVICE_PASSWORD: 's3' }).p;
    const apiUrl = substituteVariables(environmentOf(compose.services.api), { KINERJA_SERVICE_PASSWORD: 's3' });
    expect(new URL(apiUrl.DATABASE_URL).password).toBe(pw);
  });

  it.each(APP_SERVICES)('points %s at all three EventStoreDB nodes', (name) => {
    const url = substituteVariables(environmentOf(compose.services[name]), {}).EVENTSTORE_URL ?? '';
    expect(esdbHosts(url).sort()).toEqual([...esdbServices].sort());
  });

  it('substitutes the ${VAR:-default} forms compose understands', () => {
    const env = { A: 'x${P:-5432}y', B: '${Q:-}', C: '$${R}', D: '${S}' };
    expect(substituteVariables(env, {})).toEqual({ A: 'x5432y', B: '', C: '${R}', D: '' });
    expect(substituteVariables(env, { P: '1', Q: 'q', S: 's' })).toEqual({ A: 'x1y', B: 'q', C: '${R}', D: 's' });
  });
});

describe('docker/Dockerfile', () => {
  it('starts from node:20-bookworm-slim and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim\s*$/m);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)\s*$/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:.*)?$/);
  });

  it('installs devDependencies too, because the swc loader compiles the TypeScript at run time', () => {
    expect(scripts.start).toContain('register-ts.mjs');
    const installs = dockerfile.split('\n').filter((line) => /npm (install|ci)\b/.test(line) && !/^\s*#/.test(line));
    expect(installs.length).toBeGreaterThan(0);
    for (const line of installs) expect(line).not.toMatch(/--omit[= ]dev|--production|--only[= ]prod/);
  });

  it('has entry points (its CMD and the services commands) that are package.json scripts', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    const entryPoints = [JSON.parse(cmd?.[1] ?? '[]') as string[]];
    for (const name of APP_SERVICES) entryPoints.push(commandOf(compose.services[name]));
    // Both services run the one image this Dockerfile builds.
    expect(compose.services.api.build).toMatchObject({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(compose.services.projector.image).toBe(compose.services.api.image);
    for (const entry of entryPoints) {
      const script = npmScriptOf(entry);
      expect(script).toBeDefined();
      expect(scripts[script ?? '']).toBeDefined();
    }
  });
});
