import { Module } from '@nestjs/common';
import { PolicyVersionsController } from './policy-versions/policy-versions.controller.js';
import { PublishPolicyVersionController } from './publish-policy-version/publish-policy-version.controller.js';
import { PublishPolicyVersionHandler } from './publish-policy-version/publish-policy-version.handler.js';

/** Policy as versioned data: publish versions, read the current one and old ones (issue 3). */
@Module({
  controllers: [PublishPolicyVersionController, PolicyVersionsController],
  providers: [PublishPolicyVersionHandler],
})
export class PoliciesModule {}
