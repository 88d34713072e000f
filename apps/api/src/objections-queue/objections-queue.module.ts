import { Module } from '@nestjs/common';
import { ObjectionsQueueController } from './objections-queue.controller.js';

/** HR's and auditors' keberatan queue and its CSV export (issue 10; README "Keberatan"). */
@Module({ controllers: [ObjectionsQueueController] })
export class ObjectionsQueueModule {}
