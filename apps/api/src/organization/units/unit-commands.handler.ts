// The commands on an agency's unit tree, all on the stream agency-{agencyId}.
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agencyStreamName } from '../../../../../libs/organization/src/agency/agency-events.js';
import { assignUnitHeadDecider } from '../../../../../libs/organization/src/assign-unit-head/assign-unit-head.js';
import { createUnitDecider, type CreateUnit } from '../../../../../libs/organization/src/create-unit/create-unit.js';
import { updateUnitDecider, type UpdateUnit } from '../../../../../libs/organization/src/update-unit/update-unit.js';
import {
  vacateUnitHeadDecider,
  type VacateUnitHead,
} from '../../../../../libs/organization/src/vacate-unit-head/vacate-unit-head.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { OrganizationFacts } from '../organization-facts.js';

export class CreateUnitCommand {
  constructor(
    readonly data: CreateUnit['data'],
    readonly context: CommandContext,
  ) {}
}

export class UpdateUnitCommand {
  constructor(
    readonly data: UpdateUnit['data'],
    readonly context: CommandContext,
  ) {}
}

export class AssignUnitHeadCommand {
  constructor(
    readonly data: { agencyId: string; unitId: string; nip: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(CreateUnitCommand)
export class CreateUnitHandler implements ICommandHandler<CreateUnitCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: CreateUnitCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(createUnitDecider, {
      stream: agencyStreamName(data.agencyId),
      command: { type: 'CreateUnit', data },
      ...executorOptions(context),
    });
  }
}

@CommandHandler(UpdateUnitCommand)
export class UpdateUnitHandler implements ICommandHandler<UpdateUnitCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: UpdateUnitCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(updateUnitDecider, {
      stream: agencyStreamName(data.agencyId),
      command: { type: 'UpdateUnit', data },
      ...executorOptions(context),
    });
  }
}

@CommandHandler(AssignUnitHeadCommand)
export class AssignUnitHeadHandler implements ICommandHandler<AssignUnitHeadCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute({ data, context }: AssignUnitHeadCommand): Promise<ExecuteResult<unknown>> {
    const headEmployee = await this.facts.otherEmployee(data.nip);
    return this.executor.execute(assignUnitHeadDecider, {
      stream: agencyStreamName(data.agencyId),
      command: { type: 'AssignUnitHead', data, headEmployee },
      ...executorOptions(context),
    });
  }
}

export class VacateUnitHeadCommand {
  constructor(
    readonly data: VacateUnitHead['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(VacateUnitHeadCommand)
export class VacateUnitHeadHandler implements ICommandHandler<VacateUnitHeadCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: VacateUnitHeadCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(vacateUnitHeadDecider, {
      stream: agencyStreamName(data.agencyId),
      command: { type: 'VacateUnitHead', data },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
  }
}
