import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { agencyStreamName } from '../../../../../libs/organization/src/agency/agency-events.js';
import {
  registerAgencyDecider,
  type RegisterAgency,
} from '../../../../../libs/organization/src/register-agency/register-agency.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';

export class RegisterAgencyCommand {
  constructor(
    readonly data: RegisterAgency['data'],
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterAgencyCommand)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgencyCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, context }: RegisterAgencyCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(registerAgencyDecider, {
      stream: agencyStreamName(data.agencyId),
      command: { type: 'RegisterAgency', data, now: context.now.toISOString() },
      ...executorOptions(context),
    });
  }
}
