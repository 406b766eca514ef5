/** The audit with the sign-in metrics, as every function but Define writes it. */
import { createAudit, createLogger, type Audit } from '../domain/audit.ts';
import { metricNamespace, signInMetrics } from '../domain/sign-in-metrics.ts';

/**
 * The audit of the functions whose lines count towards the sign-in metrics (all but Define), in the namespace
 * METRIC_NAMESPACE names, checked at creation like every setting.
 */
export function createSignInAudit(env: NodeJS.ProcessEnv = process.env): Audit {
  return createAudit(createLogger(env), signInMetrics(metricNamespace(env)));
}
