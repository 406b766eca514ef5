import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';

export interface CallCounts {
  dynamodbReads: number;
  dynamodbWrites: number;
  sesEmails: number;
}

/**
 * Counts the DynamoDB and SES calls the triggers really make in this process, by wrapping the clients'
 * `send`. Every call still goes to the local servers.
 */
export function countAwsCalls() {
  const counts: CallCounts = { dynamodbReads: 0, dynamodbWrites: 0, sesEmails: 0 };
  const dynamoSend = DynamoDBClient.prototype.send;
  const sesSend = SESClient.prototype.send;
  DynamoDBClient.prototype.send = function (this: DynamoDBClient, command: { constructor: { name: string } }, ...rest: unknown[]) {
    if (command.constructor.name === 'GetItemCommand') counts.dynamodbReads += 1;
    else counts.dynamodbWrites += 1;
    return (dynamoSend as (...args: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof dynamoSend;
  SESClient.prototype.send = function (this: SESClient, command: unknown, ...rest: unknown[]) {
    counts.sesEmails += 1;
    return (sesSend as (...args: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof sesSend;
  return {
    counts,
    reset() {
      counts.dynamodbReads = 0;
      counts.dynamodbWrites = 0;
      counts.sesEmails = 0;
    },
    restore() {
      DynamoDBClient.prototype.send = dynamoSend;
      SESClient.prototype.send = sesSend;
    },
  };
}
