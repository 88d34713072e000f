import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../../../libs/event-store/src/port.js';
import { employeeStreamName } from '../../../../../libs/organization/src/employee/employee-events.js';
import {
  registerEmployeeDecider,
  type RegisterEmployee,
} from '../../../../../libs/organization/src/register-employee/register-employee.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';

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
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RegisterEmployeeCommand): Promise<ExecuteResult<unknown>> {
    const now = command.now.toISOString();
    return this.executor.execute(registerEmployeeDecider, {
      stream: employeeStreamName(command.data.nip),
      command: { type: 'RegisterEmployee', data: command.data, now },
      actor: command.actor,
      correlationId: command.correlationId,
      occurredAt: now,
    });
  }
}
