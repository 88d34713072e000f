import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { declareConflictOfInterestDecider } from '../../../../../libs/organization/src/conflict-of-interest/declare-conflict-of-interest.js';
import { withdrawConflictOfInterestDecider } from '../../../../../libs/organization/src/conflict-of-interest/withdraw-conflict-of-interest.js';
import {
  employeeStreamName,
  type ConflictOfInterestKind,
  type DeclaredBy,
} from '../../../../../libs/organization/src/employee/employee-events.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';

export class DeclareConflictOfInterestCommand {
  /** declarationId: a fresh UUID unless the caller (an importer) brings a stable one. */
  constructor(
    readonly data: { nip: string; raterNip: string; kind: ConflictOfInterestKind; description: string },
    readonly declaredBy: DeclaredBy,
    readonly context: CommandContext,
    readonly declarationId: string = randomUUID(),
  ) {}
}

export class WithdrawConflictOfInterestCommand {
  constructor(
    readonly data: { nip: string; declarationId: string; reason: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DeclareConflictOfInterestCommand)
export class DeclareConflictOfInterestHandler implements ICommandHandler<DeclareConflictOfInterestCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute(command: DeclareConflictOfInterestCommand): Promise<ExecuteResult<unknown>> {
    const { data, context } = command;
    return this.executor.execute(declareConflictOfInterestDecider, {
      stream: employeeStreamName(data.nip),
      command: {
        type: 'DeclareConflictOfInterest',
        data,
        declarationId: command.declarationId,
        declaredBy: command.declaredBy,
        rater: await this.facts.otherEmployee(data.raterNip),
        now: context.now.toISOString(),
      },
      ...executorOptions(context),
    });
  }
}

@CommandHandler(WithdrawConflictOfInterestCommand)
export class WithdrawConflictOfInterestHandler implements ICommandHandler<WithdrawConflictOfInterestCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: WithdrawConflictOfInterestCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(withdrawConflictOfInterestDecider, {
      stream: employeeStreamName(data.nip),
      command: { type: 'WithdrawConflictOfInterest', data, now: context.now.toISOString() },
      ...executorOptions(context),
      reason: data.reason,
    });
  }
}
