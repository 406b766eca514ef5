import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createAudit, createLogger } from './audit.ts';
import { createDynamoCodeStore } from './code-store.ts';
import type { Config } from './config.ts';
import { createSesMailer } from './mailer.ts';
import { createSendTiming } from './send-timing.ts';

/**
 * The AWS-backed dependencies of the Create and Verify handlers, built once per container. Endpoints
 * come from the SDK's standard settings (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SES), so the
 * same code runs on AWS and against the local stack.
 */
export function createRuntime(config: Config) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const ses = new SESClient({});
  return {
    config,
    store: createDynamoCodeStore(db, config.tableName),
    mailer: createSesMailer(ses, { from: config.fromAddress, configurationSet: config.sesConfigurationSet }),
    audit: createAudit(createLogger()),
    sendTiming: createSendTiming(),
  };
}
