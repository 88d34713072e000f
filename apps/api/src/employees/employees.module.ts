import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module.js';
import { ConflictsOfInterestController } from './conflicts-of-interest/conflicts-of-interest.controller.js';
import {
  DeclareConflictOfInterestHandler,
  WithdrawConflictOfInterestHandler,
} from './conflicts-of-interest/conflict-of-interest.handler.js';
import { EmployeeChangesController } from './employee-changes/employee-changes.controller.js';
import {
  ChangePositionHandler,
  ClearRaterOverrideHandler,
  MoveEmployeeHandler,
  OverrideRaterHandler,
  RenameEmployeeHandler,
} from './employee-changes/employee-commands.handler.js';
import { EmployeeDirectoryController } from './employee-directory/employee-directory.controller.js';
import { EmployeeRecordController } from './employee-record/employee-record.controller.js';
import { PeopleWithoutRaterController } from './people-without-rater/people-without-rater.controller.js';
import { RegisterEmployeeController } from './register-employee/register-employee.controller.js';
import { RegisterEmployeeHandler } from './register-employee/register-employee.handler.js';

@Module({
  imports: [OrganizationModule],
  controllers: [
    RegisterEmployeeController,
    EmployeeDirectoryController,
    EmployeeChangesController,
    EmployeeRecordController,
    ConflictsOfInterestController,
    PeopleWithoutRaterController,
  ],
  providers: [
    RegisterEmployeeHandler,
    MoveEmployeeHandler,
    ChangePositionHandler,
    OverrideRaterHandler,
    ClearRaterOverrideHandler,
    RenameEmployeeHandler,
    DeclareConflictOfInterestHandler,
    WithdrawConflictOfInterestHandler,
  ],
})
export class EmployeesModule {}
