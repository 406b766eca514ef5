/** The delivery settings (docs/operating-on-aws.md, "Delivery"): the pool-wide email ceiling and how long SES feedback stops codes. */
import { integerVar, type Env } from './env.ts';

export interface DeliveryConfig {
  /** Emails per hour for the whole pool (unknown addresses' pretended sends count too); undefined: no ceiling. */
  readonly maxEmailsPerHour: number | undefined;
  /** Days a permanent bounce or a complaint stops codes to that address (unless the address changes first). */
  readonly deliveryBlockDays: number;
}

export const DELIVERY_DEFAULTS = { deliveryBlockDays: 14 } as const;

export function loadDeliveryConfig(env: Env): DeliveryConfig {
  const ceiling = integerVar(env, 'MAX_EMAILS_PER_HOUR', 0, 0, 10_000_000);
  return Object.freeze({
    maxEmailsPerHour: ceiling === 0 ? undefined : ceiling,
    deliveryBlockDays: integerVar(env, 'DELIVERY_BLOCK_DAYS', DELIVERY_DEFAULTS.deliveryBlockDays, 1, 365),
  });
}

/** The environment loadDeliveryConfig reads back (defaults left out). */
export function deliveryToEnvironment(config: DeliveryConfig): Record<string, string> {
  return {
    ...(config.maxEmailsPerHour === undefined ? {} : { MAX_EMAILS_PER_HOUR: String(config.maxEmailsPerHour) }),
    ...(config.deliveryBlockDays === DELIVERY_DEFAULTS.deliveryBlockDays ? {} : { DELIVERY_BLOCK_DAYS: String(config.deliveryBlockDays) }),
  };
}
