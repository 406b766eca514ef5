/**
 * Keeps unknown users indistinguishable by timing: real sends are measured, and the path that sends
 * nothing waits about as long as a real send takes. A fresh container that has not sent anything yet takes
 * the figure other containers shared through the table, so even its first invocation imitates a real send.
 */
export interface SendTiming {
  /** Records how long SES took to accept one email. */
  record(milliseconds: number): void;
  /**
   * Waits about as long as a real send, with jitter, less `spentMs` the caller already spent on work a real send
   * would not have done (so that path takes no longer than a real one either).
   */
  imitate(spentMs?: number): Promise<void>;
}

/** Where containers share their typical send time (one small item in the code table). */
export interface SharedSendTime {
  load(): Promise<number | undefined>;
  save(milliseconds: number): Promise<void>;
}

export interface SendTimingOptions {
  /** Assumed send time when nothing was measured anywhere yet. */
  readonly initialMs?: number;
  readonly shared?: SharedSendTime;
  readonly sleep?: (milliseconds: number) => Promise<void>;
  readonly random?: () => number;
}

/** A container shares its figure after its first send and then every this many sends: a write now and then, not per sign-in. */
const SHARE_EVERY = 50;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSendTiming({
  initialMs = 80,
  shared,
  sleep = defaultSleep,
  random = Math.random,
}: SendTimingOptions = {}): SendTiming {
  let typicalMs: number | undefined;
  let sends = 0;
  let loaded: Promise<number> | undefined;
  const fromTable = () =>
    (loaded ??= (shared?.load() ?? Promise.resolve(undefined)).then((ms) => ms ?? initialMs, () => initialMs));
  return {
    record(milliseconds) {
      const sample = Math.min(Math.max(milliseconds, 0), 5_000);
      // Exponential moving average: follows SES latency drift without storing samples.
      typicalMs = typicalMs === undefined ? sample : 0.8 * typicalMs + 0.2 * sample;
      if (sends++ % SHARE_EVERY === 0) void shared?.save(typicalMs).catch(() => undefined);
    },
    async imitate(spentMs = 0) {
      const typical = typicalMs ?? (await fromTable());
      await sleep(Math.max(0, typical * (0.75 + 0.5 * random()) - spentMs));
    },
  };
}
