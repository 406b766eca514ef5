/** A clock the test moves forward, starting at the real time. */
export function testClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (seconds: number) => (offset += seconds * 1000) };
}

/** A 6-digit answer that is not `code`. */
export const wrongFor = (code: string) => (code === '999999' ? '000000' : '999999');
