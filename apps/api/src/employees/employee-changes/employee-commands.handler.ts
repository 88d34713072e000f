// Commands on an existing employee's stream (employee-{nip}). Each looks up its cross-stream facts first.
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unitFactFrom } from '../../../../../libs/organization/src/agency/unit-fact.js';
import type { AgencyState } from '../../../../../libs/organization/src/agency/agency-state.js';
import { employeeStreamName } from '../../../../../libs/organization/src/employee/employee-events.js';
import { changePositionDecider } from '../../../../../libs/organization/src/change-position/change-position.js';
import { moveEmployeeDecider } from '../../../../../libs/organization/src/move-employee/move-employee.js';
import { clearRaterOverrideDecider } from '../../../../../libs/organization/src/rater-override/clear-rater-override.js';
import { overrideRaterDecider } from '../../../../../libs/organization/src/rater-override/override-rater.js';
import { renameEmployeeDecider } from '../../../../../libs/organization/src/rename-employee/rename-employee.js';
import type { Position } from '../../../../../libs/organization/src/employee/position.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';

/** agencyId: the employee's agency (the controller checked access with it). */
export class MoveEmployeeCommand {
  constructor(
    readonly data: { nip: string; agencyId: string; unitId: string; effectiveDate?: string },
    readonly context: CommandContext,
  ) {}
}

export class ChangePositionCommand {
  constructor(
    readonly data: Position & { nip: string; agencyId: string; effectiveDate?: string },
    readonly context: CommandContext,
  ) {}
}

export class OverrideRaterCommand {
  constructor(
    readonly data: { nip: string; raterNip: string; reason: string },
    readonly context: CommandContext,
  ) {}
}

export class ClearRaterOverrideCommand {
  constructor(
    readonly data: { nip: string; reason: string },
    readonly context: CommandContext,
  ) {}
}

export class RenameEmployeeCommand {
  constructor(
    readonly data: { nip: string; name: string; reason: string },
    readonly context: CommandContext,
  ) {}
}

/** Effective dates default to today in the agency's own time zone (WIB/WITA/WIT). */
function today(agency: AgencyState, now: Date): string {
  const timeZone = agency.status === 'registered' ? agency.timeZone : 'Asia/Jakarta';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

@CommandHandler(MoveEmployeeCommand)
export class MoveEmployeeHandler implements ICommandHandler<MoveEmployeeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute({ data, context }: MoveEmployeeCommand): Promise<ExecuteResult<unknown>> {
    const agency = await this.facts.agency(data.agencyId);
    const effectiveDate = data.effectiveDate ?? today(agency, context.now);
    return this.executor.execute(moveEmployeeDecider, {
      stream: employeeStreamName(data.nip),
      command: {
        type: 'MoveEmployee',
        data: { nip: data.nip, unitId: data.unitId, effectiveDate },
        unit: unitFactFrom(agency, data.unitId),
      },
      ...executorOptions(context),
    });
  }
}

@CommandHandler(ChangePositionCommand)
export class ChangePositionHandler implements ICommandHandler<ChangePositionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute({ data, context }: ChangePositionCommand): Promise<ExecuteResult<unknown>> {
    const { agencyId: _agencyId, ...position } = data;
    const effectiveDate = data.effectiveDate ?? today(await this.facts.agency(data.agencyId), context.now);
    return this.executor.execute(changePositionDecider, {
      stream: employeeStreamName(data.nip),
      command: { type: 'ChangePosition', data: { ...position, effectiveDate } },
      ...executorOptions(context),
    });
  }
}

@CommandHandler(OverrideRaterCommand)
export class OverrideRaterHandler implements ICommandHandler<OverrideRaterCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute({ data, context }: OverrideRaterCommand): Promise<ExecuteResult<unknown>> {
    const rater = await this.facts.otherEmployee(data.raterNip);
    return this.executor.execute(overrideRaterDecider, {
      stream: employeeStreamName(data.nip),
      command: { type: 'OverrideRater', data, rater },
      ...executorOptions(context),
      reason: data.reason,
    });
  }
}

@CommandHandler(ClearRaterOverrideCommand)
export class ClearRaterOverrideHandler implements ICommandHandler<ClearRaterOverrideCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: ClearRaterOverrideCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(clearRaterOverrideDecider, {
      stream: employeeStreamName(data.nip),
      command: { type: 'ClearRaterOverride', data },
      ...executorOptions(context),
      reason: data.reason,
    });
  }
}

@CommandHandler(RenameEmployeeCommand)
export class RenameEmployeeHandler implements ICommandHandler<RenameEmployeeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: RenameEmployeeCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(renameEmployeeDecider, {
      stream: employeeStreamName(data.nip),
      command: { type: 'RenameEmployee', data },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
  }
}
