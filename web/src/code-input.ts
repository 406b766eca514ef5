import { digitsOnly } from './challenge.ts';

/**
 * Keeps the code field to digits, whatever arrives: typed keys, a paste with spaces or dashes (`274 591`,
 * `274-591`, ` 274591 `), or the browser's one-time-code autofill. There is no `maxLength`: it would cut a
 * pasted `274 591` to `274 59` before the spaces are gone. A paste that completes the code calls `onComplete`.
 */
export function keepCodeFieldToDigits(input: HTMLInputElement, codeLength: () => number, onComplete: () => void): void {
  input.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text') ?? '';
    event.preventDefault();
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    const before = digitsOnly(input.value.slice(0, start), Infinity);
    const digits = digitsOnly(pasted, Infinity);
    input.value = digitsOnly(before + digits + input.value.slice(end), codeLength());
    const caret = Math.min(before.length + digits.length, input.value.length);
    input.setSelectionRange(caret, caret);
    if (input.value.length === codeLength()) onComplete();
  });
  input.addEventListener('input', () => {
    const clean = digitsOnly(input.value, codeLength());
    if (clean !== input.value) input.value = clean;
  });
}
