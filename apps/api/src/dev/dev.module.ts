import { Module } from '@nestjs/common';
import { DevTokensController } from './dev-tokens.controller.js';

/** Dev-mode helpers for the console (README "Console"); registered only in dev mode (app.module.ts). */
@Module({ controllers: [DevTokensController] })
export class DevModule {}
