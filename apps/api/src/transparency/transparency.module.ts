import { Module } from '@nestjs/common';
import { TransparencyController } from './transparency.controller.js';

/** What employees see of their cycle: criteria, pinned policy, their unit's standing (issue 12). */
@Module({ controllers: [TransparencyController] })
export class TransparencyModule {}
