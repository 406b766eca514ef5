// SES for the codes: the optional identity and configuration set, its bounce/complaint feedback topic, and the one send permission.
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { senderAddress } from './validate-props.ts';

export interface EmailSendingOptions {
  readonly fromAddress: string;
  readonly createEmailIdentity?: 'domain' | 'address' | undefined;
  readonly hostedZone?: route53.IPublicHostedZone | undefined;
  readonly createConfigurationSet?: boolean | undefined;
  /** Publish bounces and complaints to a topic (needs the configuration set, made for it). */
  readonly deliveryFeedback?: boolean | undefined;
  /** Custom MAIL FROM domain of a created identity (a subdomain of the sender's), for SPF alignment (DMARC). */
  readonly mailFromDomain?: string | undefined;
  readonly sesRegion?: string | undefined;
}

export interface EmailSending {
  readonly emailIdentity?: ses.EmailIdentity;
  readonly configurationSet?: ses.ConfigurationSet;
  /** Where the configuration set publishes BOUNCE and COMPLAINT events: the feedback function subscribes to it. */
  readonly feedbackTopic?: sns.Topic;
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
        // Should the MX record go missing, SES falls back to its own MAIL FROM: codes still go out (unaligned SPF), never refused.
        ...(options.mailFromDomain ? { mailFromDomain: options.mailFromDomain, mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE } : {}),
      })
    : undefined;
  const configurationSet =
    options.createConfigurationSet || options.deliveryFeedback
      ? new ses.ConfigurationSet(scope, 'ConfigurationSet', { reputationMetrics: true, sendingEnabled: true })
      : undefined;
  let feedbackTopic: sns.Topic | undefined;
  if (configurationSet && options.deliveryFeedback) {
    feedbackTopic = new sns.Topic(scope, 'DeliveryFeedbackTopic', { displayName: `SES bounces and complaints of ${scope.node.path}`, enforceSSL: true });
    Validations.of(feedbackTopic).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SNS2',
      reason: 'SES events name the addresses SES itself was given; SES publishes only to topics whose KMS key policy lets it, which the AWS managed SNS key does not.',
    });
    configurationSet.addEventDestination('DeliveryFeedback', {
      destination: ses.EventDestination.snsTopic(feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
  }
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
  return {
    ...(emailIdentity ? { emailIdentity } : {}),
    ...(configurationSet ? { configurationSet } : {}),
    ...(feedbackTopic ? { feedbackTopic } : {}),
    sendPolicy,
  };
}
