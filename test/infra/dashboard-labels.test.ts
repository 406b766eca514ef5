// The dashboard names each sign-in figure in words (the labels live with the construct, not in the triggers' bundles).
import { describe, expect, it } from 'vitest';
import { EmailOtpAuth } from '../../infra/cdk/email-otp-auth.ts';
import { synth } from '../helpers/cdk.ts';

describe('sign-in dashboard', () => {
  it('shows each figure under its label, next to its metric name', () => {
    const { template } = synth((stack) => {
      new EmailOtpAuth(stack, 'Otp', { fromAddress: 'no-reply@example.com', signInLinkUrl: 'https://app.example.com/' });
    });
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody).replace(/\\"/g, '"');
    const figures: Array<[string, string]> = [
      ['CodesMailed', 'Codes mailed'],
      ['CodesReused', 'Codes reused (sent within the resend interval)'],
      ['ThrottledSends', 'Refused by send pacing'],
      ['AnswersWrong', 'Answers wrong'],
      ['StoreFailures', 'DynamoDB failed'],
      ['SendFailures', 'SES did not accept an email'],
    ];
    for (const [metric, label] of figures) {
      expect(body).toMatch(new RegExp(`"${metric}",\\{[^}]*"label":"${label.replace(/[()]/g, '\\$&')}"`));
    }
  });
});
