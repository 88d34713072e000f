// The generated response schemas (apps/api/src/http/openapi-responses.generated.ts) are those of the controllers
// as they are now: a route that changes what it answers, or a new route, fails here until it is regenerated.
import { describe, expect, it } from '@jest/globals';
import { RESPONSE_SCHEMAS } from '../src/http/openapi-responses.generated.js';
import { generateResponseSchemas } from './response-schemas.js';

describe('generated response schemas', () => {
  it('match the return types of the controller methods (regenerate: apps/api/tools/response-schemas.ts)', () => {
    const fresh = generateResponseSchemas();
    expect(Object.keys(fresh.operations).length).toBeGreaterThan(80);
    expect(RESPONSE_SCHEMAS).toEqual(fresh);
  }, 180_000);

  it('reads the appraisal view from its TypeScript type, nullable fields and the names joined to it included', () => {
    const view = RESPONSE_SCHEMAS.operations.AppraisalViewController_view as {
      properties: Record<string, { type?: unknown }>;
      required: string[];
    };
    expect(view.required).toEqual(expect.arrayContaining(['cycleId', 'nip', 'plan', 'ratings', 'name']));
    expect(view.properties.raterNip.type).toEqual(['string', 'null']);
    expect(RESPONSE_SCHEMAS.operations.OpenCycleController_open).toMatchObject({
      properties: { revision: { type: 'string' } },
    });
  });
});
