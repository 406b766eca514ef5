/** Only the digits of what was typed or pasted, at most `length` of them. */
export function digitsOnly(value: string, length: number): string {
  return value.replace(/\D/g, '').slice(0, length);
}
