import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller.js';

/** Each person's inbox (issue 10; README "Keberatan"). */
@Module({ controllers: [InboxController] })
export class InboxModule {}
