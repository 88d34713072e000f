// Seed step: the demo agency's competency framework, published (version 1: the built-in BerAKHLAK, managerial
// and socio-cultural competencies), so employees of the demo agency see published criteria. Idempotent.
import { draftFrameworkDecider } from '../../../../libs/competency/src/draft-framework/draft-framework.js';
import type { FrameworkEvent } from '../../../../libs/competency/src/framework/framework-events.js';
import { frameworkStreamName } from '../../../../libs/competency/src/framework/framework-events.js';
import { evolveFramework, initialFrameworkState } from '../../../../libs/competency/src/framework/framework-state.js';
import { openDraftForCommentDecider } from '../../../../libs/competency/src/open-for-comment/open-for-comment.js';
import { publishFrameworkVersionDecider } from '../../../../libs/competency/src/publish-version/publish-version.js';
import { DEMO_AGENCY } from '../../../../libs/organization-import/src/demo/demo-agency.js';
import { toNewEvents } from '../../../../libs/organization-import/src/engine/import-context.js';
import type { DemoSeedStep } from './seed-demo.js';

export const DEMO_FRAMEWORK_ID = `${DEMO_AGENCY.agencyId}-kompetensi`;

export const seedDemoFramework: DemoSeedStep = async (context) => {
  const stream = frameworkStreamName(DEMO_FRAMEWORK_ID);
  if ((await context.store.readStream(stream, { maxCount: 1 })).length > 0) {
    return `framework ${DEMO_FRAMEWORK_ID} already there`;
  }
  // The same pure deciders the API uses, run in sequence on the evolving state: draft -> open -> publish.
  const events: FrameworkEvent[] = [];
  let state = initialFrameworkState();
  const step = (decided: FrameworkEvent[]) => {
    events.push(...decided);
    state = decided.reduce(evolveFramework, state);
  };
  step(
    draftFrameworkDecider.decide(
      {
        type: 'DraftFramework',
        data: {
          frameworkId: DEMO_FRAMEWORK_ID,
          agencyId: DEMO_AGENCY.agencyId,
          name: `Kompetensi ASN ${DEMO_AGENCY.name}`,
        },
        now: context.now,
      },
      state,
    ),
  );
  step(
    openDraftForCommentDecider.decide(
      { type: 'OpenDraftForComment', frameworkId: DEMO_FRAMEWORK_ID, now: context.now },
      state,
    ),
  );
  step(
    publishFrameworkVersionDecider.decide(
      { type: 'PublishFrameworkVersion', frameworkId: DEMO_FRAMEWORK_ID, now: context.now },
      state,
    ),
  );
  await context.store.appendToStream(stream, toNewEvents(context, events), { expected: 'no_stream' });
  return `framework ${DEMO_FRAMEWORK_ID} published (version 1: BerAKHLAK, managerial and socio-cultural competencies)`;
};
