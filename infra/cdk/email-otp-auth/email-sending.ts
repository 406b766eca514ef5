// SES for the codes: the optional identity and configuration set, and the one send permission.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { senderAddress } from './validate-props.ts';

export interface EmailSendingOptions {
  readonly fromAddress: string;
  readonly createEmailIdentity?: 'domain' | 'address' | undefined;
  readonly hostedZone?: route53.IPublicHostedZone | undefined;
  readonly createConfigurationSet?: boolean | undefined;
  readonly sesRegion?: string | undefined;
}

export interface EmailSending {
  readonly emailIdentity?: ses.EmailIdentity;
  readonly configurationSet?: ses.ConfigurationSet;
  /** `ses:SendRawEmail` (the mailer sends MIME, for Content-Language) from the sender only, on its address and domain identities (and the configuration set). */
  readonly sendPolicy: iam.PolicyStatement;
}

export function createEmailSending(scope: Construct, options: EmailSendingOptions): EmailSending {
  const stack = Stack.of(scope);
  const sender = senderAddress(options.fromAddress);
  const domain = sender.slice(sender.lastIndexOf('@') + 1);
  const emailIdentity = options.createEmailIdentity
    ? new ses.EmailIdentity(scope, 'EmailIdentity', {
        identity:
          options.createEmailIdentity === 'address'
            ? ses.Identity.email(sender)
            : options.hostedZone
              ? ses.Identity.publicHostedZone(options.hostedZone)
              : ses.Identity.domain(domain),
      })
    : undefined;
  const configurationSet = options.createConfigurationSet
    ? new ses.ConfigurationSet(scope, 'ConfigurationSet', { reputationMetrics: true, sendingEnabled: true })
    : undefined;
  const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'ses', region: options.sesRegion, resource, resourceName });
  const sendPolicy = new iam.PolicyStatement({
    actions: ['ses:SendRawEmail'],
    resources: [
      arn('identity', domain),
      arn('identity', sender),
      ...(configurationSet ? [arn('configuration-set', configurationSet.configurationSetName)] : []),
    ],
    conditions: { StringEquals: { 'ses:FromAddress': sender } },
  });
  return { ...(emailIdentity ? { emailIdentity } : {}), ...(configurationSet ? { configurationSet } : {}), sendPolicy };
}
