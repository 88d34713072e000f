// What a cycle opening pins: the framework version and the policy version HR named, checked against their own
// streams (the authoritative record, so a version published a moment ago can be pinned at once), or, when HR
// named none, today's defaults (the agency's latest published framework version, the policy in force).
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { FrameworkRef } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { frameworkStreamName } from '../../../../../libs/competency/src/framework/framework-events.js';
import type { Policy } from '../../../../../libs/policy/src/policy.js';
import {
  NATIONAL_SCOPE,
  policyStreamName,
  type PolicyRef,
  type PolicyVersionPublished,
} from '../../../../../libs/policy/src/versions/policy-events.js';
import { versionOf } from '../../../../../libs/policy/src/versions/published-versions.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { errorBody } from '../../http/error-body.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { forbidden } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';

/** The pins a request may name; either may be absent (then the default applies). */
export interface RequestedPins {
  framework?: FrameworkRef;
  policy?: PolicyRef;
}

export interface ResolvedPins {
  frameworkRef: FrameworkRef | null;
  policyRef: PolicyRef;
  policy: Policy;
}

@Injectable()
export class CyclePins {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    private readonly facts: CycleFacts,
  ) {}

  async resolve(agencyId: string, requested: RequestedPins): Promise<ResolvedPins> {
    const frameworkRef = requested.framework
      ? await this.publishedFramework(agencyId, requested.framework)
      : await this.facts.frameworkToPin(agencyId);
    const pinned = requested.policy
      ? await this.policyVersion(agencyId, requested.policy)
      : await this.facts.policyToPin(agencyId);
    return { frameworkRef, policyRef: { scope: pinned.scope, version: pinned.version }, policy: pinned.policy };
  }

  /** 404 unknown framework or version, 403 another agency's framework, 409 a version still in draft. */
  private async publishedFramework(agencyId: string, ref: FrameworkRef): Promise<FrameworkRef> {
    const events = await this.infrastructure.eventStore.readStream(frameworkStreamName(ref.frameworkId));
    const drafted = events[0]?.type === 'FrameworkDrafted.v1' ? (events[0].data as { agencyId?: unknown }) : null;
    if (drafted === null) {
      throw frameworkVersionNotFound(`no competency framework ${ref.frameworkId}`);
    }
    if (drafted.agencyId !== agencyId) {
      throw forbidden(`framework ${ref.frameworkId} belongs to another agency; a cycle of ${agencyId} cannot pin it`);
    }
    const versionsOf = (...types: string[]) =>
      events.filter((e) => types.includes(e.type)).map((e) => (e.data as { version: number }).version);
    if (versionsOf('FrameworkVersionPublished.v1').includes(ref.version)) {
      return { frameworkId: ref.frameworkId, version: ref.version };
    }
    if (versionsOf('FrameworkDrafted.v1', 'FrameworkDraftStarted.v1').includes(ref.version)) {
      throw new ConflictException(
        errorBody(
          409,
          'FRAMEWORK_VERSION_NOT_PUBLISHED',
          `version ${ref.version} of framework ${ref.frameworkId} is a draft; only a published version can be pinned`,
          [{ field: 'framework.version', message: 'not published' }],
        ),
      );
    }
    throw frameworkVersionNotFound(`framework ${ref.frameworkId} has no version ${ref.version}`);
  }

  /** 400 a scope other than the agency's or national, 404 a version the scope never published. */
  private async policyVersion(agencyId: string, ref: PolicyRef) {
    if (ref.scope !== agencyId && ref.scope !== NATIONAL_SCOPE) {
      throw new BadRequestException(
        errorBody(400, 'INVALID_POLICY_SCOPE', `a cycle of ${agencyId} pins a policy of ${agencyId} or national`, [
          { field: 'policy.scope', message: `must be ${agencyId} or ${NATIONAL_SCOPE}` },
        ]),
      );
    }
    const events = (await this.infrastructure.eventStore.readStream(policyStreamName(ref.scope))).map(
      (e) => ({ type: e.type, data: e.data }) as unknown as PolicyVersionPublished,
    );
    const version = versionOf(ref.scope, events, ref.version);
    if (!version) {
      throw new NotFoundException(
        errorBody(404, 'POLICY_VERSION_NOT_FOUND', `${ref.scope} has no published policy version ${ref.version}`, [
          { field: 'policy.version', message: 'not published' },
        ]),
      );
    }
    return version;
  }
}

const frameworkVersionNotFound = (message: string) =>
  new NotFoundException(
    errorBody(404, 'FRAMEWORK_VERSION_NOT_FOUND', message, [{ field: 'framework', message: 'no such version' }]),
  );
