import { Module } from '@nestjs/common';
import { BuiltInCatalogueController } from './built-in-catalogue.controller.js';
import { FrameworkAgencyLookup, FrameworkCommandHandler } from './framework-command.handler.js';
import { FrameworkCommandRunner } from './framework-command-runner.js';
import { FrameworkDraftContentController } from './framework-draft-content.controller.js';
import { FrameworkLifecycleController } from './framework-lifecycle.controller.js';
import { FrameworkQueriesController } from './framework-queries.controller.js';

/** Competency frameworks: built-in catalogue, agency frameworks with draft/comment/publish, their read side. */
@Module({
  controllers: [
    BuiltInCatalogueController,
    FrameworkLifecycleController,
    FrameworkDraftContentController,
    FrameworkQueriesController,
  ],
  providers: [FrameworkAgencyLookup, FrameworkCommandHandler, FrameworkCommandRunner],
})
export class FrameworksModule {}
