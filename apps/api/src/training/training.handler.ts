import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { recordTrainingDecider } from '../../../../libs/competency/src/record-training/record-training.js';
import { trainingStreamName } from '../../../../libs/competency/src/training/training-events.js';
import { CommandExecutor, type ExecuteResult } from '../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../event-sourcing/command-context.js';
import type { RecordTrainingRequest } from './training.request.js';

export class RecordTrainingCommand {
  readonly trainingId: string;
  constructor(
    readonly nip: string,
    readonly body: RecordTrainingRequest,
    /** The employee's agency and its time zone, from their streams. */
    readonly employee: { agencyId: string; timeZone: string },
    readonly recordedByNip: string | null,
    readonly context: CommandContext,
  ) {
    this.trainingId = body.trainingId ?? randomUUID();
  }
}

@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RecordTrainingCommand): Promise<ExecuteResult<unknown>> {
    const { nip, body, employee, context } = command;
    return this.executor.execute(recordTrainingDecider, {
      stream: trainingStreamName(nip),
      command: {
        type: 'RecordTraining',
        data: {
          trainingId: command.trainingId,
          title: body.title,
          provider: body.provider,
          jp: body.jp,
          completedOn: body.completedOn,
          competencyCodes: body.competencyCodes ?? [],
          evidenceSha256: body.evidenceSha256 ?? null,
        },
        employee: { nip, agencyId: employee.agencyId },
        timeZone: employee.timeZone,
        recordedByNip: command.recordedByNip,
        now: context.now.toISOString(),
      },
      ...executorOptions(context),
    });
  }
}
