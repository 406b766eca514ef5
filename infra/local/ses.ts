import { createRequire } from 'node:module';
import type { RunningServer } from './listen.ts';
import { startWorkerServer } from './worker-server.ts';
import type { MailboxEmail } from './mailbox-client.ts';

/**
 * aws-ses-v2-local's server (Express), run by a worker thread (plain CommonJS, so it needs no TypeScript loader).
 * Its store module is wrapped so that every accepted email, and every clearing of the mailbox, is also posted to
 * this thread: the package keeps the mailbox as module state of whichever thread runs it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const store = require(workerData.store);
// SendRawEmail keeps no header of the message in the store: the parser (looked up when called) notes them by body,
// and the save that follows puts them in, as SESv2's simple SendEmail does with its Headers.
const mailparser = require(workerData.mailparser);
const simpleParser = mailparser.simpleParser;
const headersByBody = new Map();
const bodyKey = (text, html) => JSON.stringify([text ?? null, html || null]);
mailparser.simpleParser = async (...args) => {
  const message = await simpleParser(...args);
  if (headersByBody.size > 100) headersByBody.delete(headersByBody.keys().next().value);
  headersByBody.set(bodyKey(message.text, message.html), message.headerLines.map(({ line }) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1).trim() };
  }));
  return message;
};
const saveEmail = store.saveEmail;
store.saveEmail = (email) => {
  const key = bodyKey(email.body.text, email.body.html);
  if (!email.headers && headersByBody.has(key)) email = { ...email, headers: headersByBody.get(key) };
  headersByBody.delete(key);
  saveEmail(email);
  parentPort.postMessage({ accepted: email });
};
const clearStore = store.clearStore;
store.clearStore = () => {
  clearStore();
  parentPort.postMessage({ cleared: true });
};
require(workerData.ses).default({ host: '127.0.0.1', port: workerData.port }).then((server) => {
  // Express reports a failed listen to its callback, which aws-ses-v2-local ignores: check here.
  const address = server.listening && server.address();
  if (!address) {
    server.close();
    parentPort.postMessage({ error: 'EADDRINUSE' });
    return;
  }
  parentPort.on('message', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
  parentPort.postMessage({ port: address.port });
}, (error) => parentPort.postMessage({ error: error.code || error.message }));
`;

/** What the SES servers of this process accepted, as their workers reported it. */
let mailbox: MailboxEmail[] = [];

/**
 * Starts the SES endpoint with its mailbox page (`/`) and `GET /store` on 127.0.0.1, in a worker thread: parsing
 * and answering the triggers' SendRawEmail requests then runs beside the Cognito endpoint and the triggers instead
 * of taking turns with them.
 */
export async function startSes(port: number, portVariable?: string): Promise<RunningServer> {
  const require = createRequire(import.meta.url);
  return startWorkerServer({
    source: WORKER_SOURCE,
    workerData: {
      ses: require.resolve('aws-ses-v2-local'),
      store: require.resolve('aws-ses-v2-local/dist/store'),
      mailparser: createRequire(require.resolve('aws-ses-v2-local')).resolve('mailparser'),
      port,
    },
    port,
    service: 'the SES mailbox',
    portVariable,
    onMessage: (message) => {
      if (message.accepted) mailbox.push(message.accepted as MailboxEmail);
      else if (message.cleared) mailbox = [];
    },
  });
}

/**
 * The emails SES accepted so far, oldest first, read in this process (what `GET /store` serves, without
 * the HTTP round trip and the JSON of the whole mailbox): for a bench that reads many inboxes at once. Each
 * arrives from the SES worker as it accepts it, so it may show up a moment after the SendRawEmail call returned.
 */
export function acceptedEmails(): readonly MailboxEmail[] {
  return mailbox;
}
