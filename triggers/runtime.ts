import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createAudit, createLogger } from './audit.ts';
import { createDynamoCodeStore } from './code-store.ts';
import type { Config } from './config.ts';
import { createSesMailer } from './mailer.ts';
import { createSendTiming } from './send-timing.ts';

/**
 * What Verify needs, built once per container: the code store and the audit log. Endpoints come from the
 * SDK's standard settings (AWS_ENDPOINT_URL_DYNAMODB), so the same code runs on AWS and locally.
 */
export function createStoreRuntime(config: Config) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { config, store: createDynamoCodeStore(db, config.tableName), audit: createAudit(createLogger()) };
}

/** What Create needs on top: the SES mailer (AWS_ENDPOINT_URL_SES) and the send timing for unknown users. */
export function createRuntime(config: Config) {
  const ses = new SESClient({});
  return {
    ...createStoreRuntime(config),
    mailer: createSesMailer(ses, { from: config.fromAddress, configurationSet: config.sesConfigurationSet }),
    sendTiming: createSendTiming(),
  };
}
