import { Module } from '@nestjs/common';
import { AuditKeyController } from './audit-key.controller.js';
import { CycleIntegrityController, VerificationJobsController } from './integrity.controller.js';
import { SealKeys } from './seal-keys.js';

/**
 * Tamper evidence over HTTP (README "Tamper evidence", "Verifying the record"): the seals' public key, the
 * verifier per cycle and as a whole-store job. SealKeys is exported for the per-appraisal integrity routes.
 */
@Module({
  controllers: [AuditKeyController, CycleIntegrityController, VerificationJobsController],
  providers: [SealKeys],
  exports: [SealKeys],
})
export class AuditModule {}
