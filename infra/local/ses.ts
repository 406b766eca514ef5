import { createRequire } from 'node:module';
import type { SNSEvent } from 'aws-lambda';
import type { RunningServer } from './listen.ts';
import { startWorkerServer } from './worker-server.ts';
import type { MailboxEmail } from './mailbox-client.ts';
import { feedbackNotice, simulatorEvent, snsEventOf, type SentMessage } from './ses-simulator.ts';

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
// The store keeps the text and HTML parts as sent: the parser's own HTML rendering of the text (with its links
// found and linked) is work nobody reads, left out.
mailparser.simpleParser = async (input, options) => {
  const message = await simpleParser(input, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, ...options });
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
// SendRawEmail's answer carries the MessageId; the request, the destinations, tags and configuration set SES
// publishes with its events (Query form: Destinations.member.N, Tags.member.N.Name/Value).
const sendRaw = require(workerData.sendRawEmail);
const handleSendRaw = sendRaw.default;
const members = (body, list) => {
  const values = [];
  for (let n = 1; body[list + '.member.' + n] !== undefined || body[list + '.member.' + n + '.Name'] !== undefined; n++) {
    values.push(list === 'Tags' ? [body[list + '.member.' + n + '.Name'], body[list + '.member.' + n + '.Value'] ?? ''] : body[list + '.member.' + n]);
  }
  return values;
};
sendRaw.default = (req, res, next) => {
  const body = req.body ?? {};
  const send = res.send.bind(res);
  res.send = (payload) => {
    const id = res.statusCode === 200 && typeof payload === 'string' && /<MessageId>([^<]+)</.exec(payload);
    if (id) {
      parentPort.postMessage({ sent: {
        messageId: id[1],
        source: body.Source ?? '',
        destinations: members(body, 'Destinations'),
        tags: Object.fromEntries(members(body, 'Tags')),
        configurationSet: body.ConfigurationSetName,
      } });
    }
    return send(payload);
  };
  return handleSendRaw(req, res, next);
};
// SES refuses a send through a configuration set the account does not have: only the stack's own exist here.
const sendEmail = require(workerData.sendEmail);
const escapeXml = (text) => String(text).replace(/[<>&'"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
for (const action of [sendRaw, sendEmail]) {
  const handle = action.default;
  action.default = (req, res, next) => {
    const set = (req.body ?? {}).ConfigurationSetName;
    if (set === undefined || workerData.configurationSets.includes(set)) return handle(req, res, next);
    res.status(400).type('text/xml').send('<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type>' +
      '<Code>ConfigurationSetDoesNotExist</Code><Message>Configuration set &lt;' + escapeXml(set) + '&gt; does not exist.</Message></Error>' +
      '<RequestId>' + require('node:crypto').randomUUID() + '</RequestId></ErrorResponse>');
  };
}
// A notice the parent mails into the mailbox (the simulator's bounce or complaint, as SES forwards it to the sender).
const saveNotice = ({ from, to, subject, text }) => store.saveEmail({
  messageId: require('node:crypto').randomUUID(),
  from,
  replyTo: [],
  destination: { to: [to], cc: [], bcc: [] },
  subject,
  body: { text },
  attachments: [],
  at: Math.floor(Date.now() / 1000),
});
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
  parentPort.on('message', (message) => {
    if (message && message.notice) return saveNotice(message.notice);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
  parentPort.postMessage({ port: address.port });
}, (error) => parentPort.postMessage({ error: error.code || error.message }));
`;

/** How long after accepting a simulator send the event is published: after the sender has its answer, as on AWS. */
const EVENT_DELAY_MS = 100;

/** What the SES servers of this process accepted, as their workers reported it. */
let mailbox: MailboxEmail[] = [];

export interface SesOptions {
  /**
   * Where the configuration set's events go (on AWS: its SNS topic, to the feedback function). With it, a send to a
   * mailbox simulator address is followed by SES's event, and by the notice SES forwards to the sender.
   */
  readonly feedback?: (event: SNSEvent) => Promise<void>;
  /** The configuration sets that exist; a send naming another is refused with ConfigurationSetDoesNotExist, as SES does. */
  readonly configurationSets?: readonly string[];
}

/**
 * Starts the SES endpoint with its mailbox page (`/`) and `GET /store` on 127.0.0.1, in a worker thread: parsing
 * and answering the triggers' SendRawEmail requests then runs beside the Cognito endpoint and the triggers instead
 * of taking turns with them.
 */
export async function startSes(port: number, portVariable?: string, { feedback, configurationSets = [] }: SesOptions = {}): Promise<RunningServer> {
  const require = createRequire(import.meta.url);
  const inFlight = new Set<Promise<void>>();
  /** SES answers first, then publishes the event (on AWS seconds later, here a moment later): the feedback, then the notice. */
  const publish = (sent: SentMessage) => {
    const event = simulatorEvent(sent);
    if (!event || !feedback) return;
    const delivery = new Promise((resolve) => setTimeout(resolve, EVENT_DELAY_MS)).then(() => feedback(snsEventOf(event))).then(
      () => server.post({ notice: feedbackNotice(sent, event) }),
      (error: unknown) => console.error('[ses] the feedback function failed on a simulator event:', error),
    );
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  };
  const server = await startWorkerServer({
    source: WORKER_SOURCE,
    workerData: {
      ses: require.resolve('aws-ses-v2-local'),
      store: require.resolve('aws-ses-v2-local/dist/store'),
      mailparser: createRequire(require.resolve('aws-ses-v2-local')).resolve('mailparser'),
      sendRawEmail: require.resolve('aws-ses-v2-local/dist/v1/sendRawEmail'),
      sendEmail: require.resolve('aws-ses-v2-local/dist/v1/sendEmail'),
      configurationSets: [...configurationSets],
      port,
    },
    port,
    service: 'the SES mailbox',
    portVariable,
    onMessage: (message) => {
      if (message.accepted) mailbox.push(message.accepted as MailboxEmail);
      else if (message.cleared) mailbox = [];
      else if (message.sent) {
        const { destinations, ...sent } = message.sent as Omit<SentMessage, 'destination'> & { destinations: string[] };
        for (const destination of destinations) publish({ ...sent, destination });
      }
    },
  });
  return {
    url: server.url,
    port: server.port,
    stop: async () => {
      // Events already on their way are delivered first (the feedback function still reaches DynamoDB).
      await Promise.allSettled([...inFlight]);
      await server.stop();
    },
  };
}

/**
 * The emails SES accepted so far, oldest first, read in this process (what `GET /store` serves, without
 * the HTTP round trip and the JSON of the whole mailbox): for a bench that reads many inboxes at once. Each
 * arrives from the SES worker as it accepts it, so it may show up a moment after the SendRawEmail call returned.
 */
export function acceptedEmails(): readonly MailboxEmail[] {
  return mailbox;
}
