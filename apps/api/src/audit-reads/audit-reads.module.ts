import { Global, Module } from '@nestjs/common';
import { AuditReadRecorder } from './audit-read-recorder.js';
import { AuditReadsController } from './audit-reads.controller.js';

/**
 * The record of AUDITOR reads of personal data (README "Auditor's replay"). Global: the appraisal and cycle
 * routes an auditor reads inject the recorder without importing this module.
 */
@Global()
@Module({
  controllers: [AuditReadsController],
  providers: [AuditReadRecorder],
  exports: [AuditReadRecorder],
})
export class AuditReadsModule {}
