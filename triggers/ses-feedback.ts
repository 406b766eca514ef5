import { createSignInAudit } from './composition/sign-in-audit.ts';
import { loadDeliveryConfig } from './domain/delivery-config.ts';
import { createDynamoClient, createDynamoCodeStore } from './aws/dynamo-code-store.ts';
import { textVar } from './domain/env.ts';
import { createSesFeedbackHandler } from './handlers/ses-feedback.ts';

/** SES feedback function (not a Cognito trigger): records bounces and complaints from the configuration set's SNS topic. */
export const handler = createSesFeedbackHandler({
  store: createDynamoCodeStore(createDynamoClient(), textVar(process.env, 'TABLE_NAME')),
  audit: createSignInAudit(),
  deliveryBlockDays: loadDeliveryConfig(process.env).deliveryBlockDays,
});
