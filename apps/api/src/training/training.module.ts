import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module.js';
import { TrainingController } from './training.controller.js';
import { RecordTrainingHandler } from './training.handler.js';

/** Training recorded as taken and the yearly JP shortfall (issue 12; README "Training (JP)"). */
@Module({ imports: [OrganizationModule], controllers: [TrainingController], providers: [RecordTrainingHandler] })
export class TrainingModule {}
