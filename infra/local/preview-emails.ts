/**
 * `npx cognito-email-otp preview` (`npm run preview:emails` in this repository): the code email in every language
 * written to a folder as HTML, text and PNG files (email-preview.ts), to look at before deploying.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../../triggers/domain/errors.ts';
import { INSTALLED_COMMANDS, commandsFor, parseCommandLine } from './commands.ts';
import { previewUsage, writePreview } from './email-preview.ts';

const command = commandsFor(process.argv) === INSTALLED_COMMANDS ? 'npx cognito-email-otp preview' : 'npm run preview:emails --';
const { values } = parseCommandLine(
  process.argv.slice(2),
  { options: { out: { type: 'string' }, 'without-link': { type: 'boolean' } }, allowPositionals: false },
  previewUsage(command),
);
const folder = resolve(values.out ?? 'email-preview');
try {
  const { emails, skipped } = await writePreview(folder, process.env, values['without-link'] !== true);
  console.log(`Wrote the code email in ${emails.map((e) => e.language).join(', ')} to ${folder} (open index.html).`);
  if (skipped) console.log(`No PNG screenshots: ${skipped}.`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
