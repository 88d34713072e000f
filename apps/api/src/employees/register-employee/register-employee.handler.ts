import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../../../libs/event-store/src/port.js';
import { unitFactFrom } from '../../../../../libs/organization/src/agency/unit-fact.js';
import { employeeStreamName } from '../../../../../libs/organization/src/employee/employee-events.js';
import {
  registerEmployeeDecider,
  type RegisterEmployee,
} from '../../../../../libs/organization/src/register-employee/register-employee.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';

export class RegisterEmployeeCommand {
  constructor(
    readonly data: RegisterEmployee['data'],
    readonly actor: Actor,
    readonly correlationId: string,
    readonly now: Date,
  ) {}
}

@CommandHandler(RegisterEmployeeCommand)
export class RegisterEmployeeHandler implements ICommandHandler<RegisterEmployeeCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: OrganizationFacts,
  ) {}

  async execute(command: RegisterEmployeeCommand): Promise<ExecuteResult<unknown>> {
    const now = command.now.toISOString();
    // Cross-stream fact: the unit must exist in the agency (read from the agency stream, not a read model).
    const unit = unitFactFrom(await this.facts.agency(command.data.agencyId), command.data.unitId);
    return this.executor.execute(registerEmployeeDecider, {
      stream: employeeStreamName(command.data.nip),
      command: { type: 'RegisterEmployee', data: command.data, unit, now },
      actor: command.actor,
      correlationId: command.correlationId,
      occurredAt: now,
    });
  }
}
