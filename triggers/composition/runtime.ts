import { SESClient } from '@aws-sdk/client-ses';
import { createSignInAudit } from './sign-in-audit.ts';
import { awsClientOptions } from '../aws/aws-clients.ts';
import { codeKeysFromFile, type LoadCodeKeys } from '../domain/code-key.ts';
import { codeKeysFromSecret } from '../aws/code-key-secret.ts';
import type { CodeConfig, Config } from '../domain/config.ts';
import { createDynamoClient, createDynamoCodeStore, createDynamoSharedSendTime } from '../aws/dynamo-code-store.ts';
import { createDynamoEmailCeiling } from '../aws/email-ceiling.ts';
import { createSesMailer } from '../aws/mailer.ts';
import { createSendTiming } from '../domain/send-timing.ts';


/**
 * The one place the triggers are wired to AWS, built once per container. Endpoints come from the SDK's
 * standard settings (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SES), so the same code runs on AWS and locally.
 */
function loadCodeKeys(config: CodeConfig): LoadCodeKeys {
  const source = config.codeKeySource;
  return source.kind === 'file' ? codeKeysFromFile(source.path) : codeKeysFromSecret(source.secretId);
}

/** What Verify needs: the code store, the key, the audit log. */
export function createStoreRuntime<C extends CodeConfig>(config: C, db = createDynamoClient()) {
  return {
    config,
    store: createDynamoCodeStore(db, config.tableName),
    loadKeys: loadCodeKeys(config),
    audit: createSignInAudit(),
  };
}

/** What Create needs on top: the SES mailer and the send timing that unknown users imitate. */
export function createRuntime(config: Config) {
  const db = createDynamoClient();
  const ses = new SESClient({ ...awsClientOptions('ses'), ...(config.sesRegion ? { region: config.sesRegion } : {}) });
  return {
    ...createStoreRuntime(config, db),
    mailer: createSesMailer(ses, { from: config.fromAddress, configurationSet: config.sesConfigurationSet }),
    sendTiming: createSendTiming({ shared: createDynamoSharedSendTime(db, config.tableName) }),
    ceiling: config.delivery.maxEmailsPerHour === undefined ? undefined : createDynamoEmailCeiling(db, config.tableName, config.delivery.maxEmailsPerHour),
  };
}

