/**
 * Keeps unknown users indistinguishable by timing: real sends are measured, and the path that sends
 * nothing waits about as long as a real send takes in this container.
 */
export interface SendTiming {
  /** Records how long SES took to accept one email. */
  record(milliseconds: number): void;
  /** Waits about as long as a real send, with jitter. */
  imitate(): Promise<void>;
}

export interface SendTimingOptions {
  /** Assumed send time before any real send was measured. */
  readonly initialMs?: number;
  readonly sleep?: (milliseconds: number) => Promise<void>;
  readonly random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSendTiming({ initialMs = 80, sleep = defaultSleep, random = Math.random }: SendTimingOptions = {}): SendTiming {
  let typicalMs = initialMs;
  return {
    record(milliseconds) {
      // Exponential moving average: follows SES latency drift without storing samples.
      typicalMs = 0.8 * typicalMs + 0.2 * Math.min(Math.max(milliseconds, 0), 5_000);
    },
    imitate() {
      return sleep(typicalMs * (0.75 + 0.5 * random()));
    },
  };
}
