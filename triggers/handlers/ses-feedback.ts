/**
 * SES delivery feedback: the configuration set's bounce and complaint events (through SNS) recorded on the user's
 * item, found by the message tags Create put on the email (delivery.ts). A permanent bounce or a complaint stops
 * codes to that address for DELIVERY_BLOCK_DAYS or until it changes; a transient bounce stops nothing.
 */
import type { SNSEvent } from 'aws-lambda';
import type { Audit, AuditContext } from '../domain/audit.ts';
import type { CodeStore } from '../domain/code-store.ts';
import { ITEM_KEY_PREFIX } from '../contracts/table-item.ts';
import { readDeliveryTags, type UndeliverableKind } from '../domain/delivery.ts';

export interface SesFeedbackDeps {
  readonly store: CodeStore;
  readonly audit: Audit;
  readonly deliveryBlockDays: number;
  readonly now?: () => number;
}

/** The part of an SES event (event publishing's `eventType`, or identity notifications' `notificationType`) read here. */
interface SesEvent {
  readonly eventType?: string;
  readonly notificationType?: string;
  readonly bounce?: { readonly bounceType?: string; readonly bounceSubType?: string; readonly timestamp?: string };
  readonly complaint?: { readonly complaintFeedbackType?: string; readonly timestamp?: string };
  readonly mail?: { readonly tags?: Record<string, string[]>; readonly timestamp?: string };
}

const DAY_MS = 86_400_000;

function parse(message: string): SesEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(message);
    return typeof parsed === 'object' && parsed !== null ? (parsed as SesEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** What an event asks to record: a permanent bounce or a complaint; undefined for anything else. */
function reported(event: SesEvent): { kind: UndeliverableKind; detail: string; at: string | undefined } | undefined {
  const type = event.eventType ?? event.notificationType;
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    return { kind: 'bounce', detail: `Permanent/${event.bounce.bounceSubType ?? 'General'}`, at: event.bounce.timestamp };
  }
  if (type === 'Complaint') return { kind: 'complaint', detail: event.complaint?.complaintFeedbackType ?? 'complaint', at: event.complaint?.timestamp };
  return undefined;
}

export function createSesFeedbackHandler(deps: SesFeedbackDeps) {
  const now = deps.now ?? Date.now;
  return async (event: SNSEvent): Promise<void> => {
    for (const record of event.Records ?? []) {
      const ses = parse(record.Sns?.Message ?? '');
      const place = readDeliveryTags(ses?.mail?.tags);
      const context: AuditContext = {
        trigger: 'ses-feedback',
        userPoolId: '',
        userName: place ? place.itemKey.slice(ITEM_KEY_PREFIX.user.length) : '',
        clientId: '',
      };
      const report = ses && reported(ses);
      const type = ses?.eventType ?? ses?.notificationType ?? 'unreadable';
      if (!report || !place) {
        const reason = !report ? `${type}${ses?.bounce?.bounceType ? `/${ses.bounce.bounceType}` : ''}` : 'no email-otp tags';
        deps.audit('feedback_ignored', 'ok', context, { reason });
        continue;
      }
      const reportedAt = Date.parse(report.at ?? '');
      const at = Number.isFinite(reportedAt) ? Math.min(reportedAt, now()) : now();
      const until = at + deps.deliveryBlockDays * DAY_MS;
      // A DynamoDB failure throws: Lambda retries the SNS delivery, and its Errors metric raises the fault alarm.
      const recorded = await deps.store.recordUndeliverable(place.itemKey, { kind: report.kind, at, until, addressHash: place.addressHash, keyId: place.keyId });
      if (recorded) {
        deps.audit(report.kind === 'bounce' ? 'bounce_recorded' : 'complaint_recorded', 'ok', context, { bounceType: report.detail, until: new Date(until).toISOString() });
      } else {
        deps.audit('feedback_ignored', 'ok', context, { reason: 'a later report is recorded' });
      }
    }
  };
}
