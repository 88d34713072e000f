import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { Publisher } from '../../../../../libs/policy/src/publish-policy-version/publish-permission.js';
import {
  publishPolicyVersionDecider,
  type PublishPolicyVersion,
} from '../../../../../libs/policy/src/publish-policy-version/publish-policy-version.js';
import {
  NATIONAL_SCOPE,
  policyStreamName,
  type PolicyVersionPublished,
} from '../../../../../libs/policy/src/versions/policy-events.js';
import { publishedVersions, versionOf } from '../../../../../libs/policy/src/versions/published-versions.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { INFRASTRUCTURE } from '../../tokens.js';

export class PublishPolicyVersionCommand {
  constructor(
    readonly data: PublishPolicyVersion['data'],
    readonly publisher: Publisher,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(PublishPolicyVersionCommand)
export class PublishPolicyVersionHandler implements ICommandHandler<PublishPolicyVersionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  async execute(command: PublishPolicyVersionCommand): Promise<ExecuteResult<unknown>> {
    const now = command.context.now.toISOString();
    const { scope, basedOn } = command.data;
    // Cross-stream facts, read from the streams themselves (consistent, unlike a read model that may lag).
    const national = await this.policyEvents(NATIONAL_SCOPE);
    const nationalLatestVersion = publishedVersions(NATIONAL_SCOPE, national).at(-1)?.version ?? 1;
    const basedOnPublished =
      basedOn !== undefined && basedOn.scope !== scope
        ? versionOf(basedOn.scope, await this.policyEvents(basedOn.scope), basedOn.version) !== undefined
        : false;
    return this.executor.execute(publishPolicyVersionDecider, {
      stream: policyStreamName(scope),
      command: {
        type: 'PublishPolicyVersion',
        data: command.data,
        publisher: command.publisher,
        facts: { nationalLatestVersion, basedOnPublished },
        now,
      },
      ...executorOptions(command.context),
      reason: command.data.reason.trim(),
    });
  }

  private async policyEvents(scope: string): Promise<PolicyVersionPublished[]> {
    const events = await this.infrastructure.eventStore.readStream(policyStreamName(scope));
    return events.map((e) => ({ type: e.type, data: e.data }) as unknown as PolicyVersionPublished);
  }
}
