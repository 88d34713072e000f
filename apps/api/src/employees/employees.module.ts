import { Module } from '@nestjs/common';
import { EmployeeDirectoryController } from './employee-directory/employee-directory.controller.js';
import { RegisterEmployeeController } from './register-employee/register-employee.controller.js';
import { RegisterEmployeeHandler } from './register-employee/register-employee.handler.js';

@Module({
  controllers: [RegisterEmployeeController, EmployeeDirectoryController],
  providers: [RegisterEmployeeHandler],
})
export class EmployeesModule {}
