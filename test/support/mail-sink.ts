import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ParsedMail {
  /** Lower-case header names, values decoded (RFC 2047 encoded words). */
  headers: Record<string, string>;
  /** The text body, transfer encoding undone. */
  text: string;
  messageId: string;
}

export interface ReceivedMail extends ParsedMail {
  sessionId: string;
  raw: string;
}

export interface MailSinkOptions {
  /** Wait before answering each message (makes batches slow). */
  delayMs?: number;
  /** Refuse every message with this SMTP error (e.g. 451). */
  rejectWith?: number;
  /** Runs after a message arrived and before the server answers it. */
  beforeReply?: (mail: ReceivedMail, sink: MailSink) => Promise<void>;
}

const decodeQuotedPrintable = (encoded: string): string =>
  Buffer.from(
    encoded
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const decodeEncodedWords = (value: string): string =>
  value.replace(
    /=\?[^?]+\?([BQ])\?([^?]*)\?=(\s+(?==\?))?/gi,
    (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );

/** Reads a single-part text message as nodemailer writes it (file or SMTP). */
export function parseMail(raw: string): ParsedMail {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = (match ? raw.slice(0, match.index) : raw).replace(/\r?\n[ \t]+/g, ' ');
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeEncodedWords(
        line.slice(colon + 1).trim(),
      );
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n'), messageId: headers['message-id'] ?? '' };
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. `received`
 * holds every message whose data arrived; `accepted` the ones the server
 * answered with 250 while the client was still connected (the moment SMTP
 * hands over responsibility for a message).
 */
export class MailSink {
  readonly received: ReceivedMail[] = [];
  readonly accepted: ReceivedMail[] = [];
  private readonly closedSessions = new Set<string>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(options: MailSinkOptions = {}): Promise<MailSink> {
    const created: { sink?: MailSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 1000,
      disableReverseLookup: true,
      onClose(session: SMTPServerSession) {
        created.sink?.closedSessions.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail: ReceivedMail = { ...parseMail(raw), sessionId: session.id, raw };
          const sink = created.sink!;
          sink.received.push(mail);
          void (async () => {
            if (options.delayMs) await sleep(options.delayMs);
            if (options.beforeReply) await options.beforeReply(mail, sink);
            if (options.rejectWith) {
              const error = new Error('Mailbox temporarily unavailable') as Error & {
                responseCode: number;
              };
              error.responseCode = options.rejectWith;
              callback(error);
              return;
            }
            if (!sink.closedSessions.has(session.id)) sink.accepted.push(mail);
            callback();
          })();
        });
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.server.address();
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('SMTP server has no port'));
      });
    });
    created.sink = new MailSink(server, port);
    return created.sink;
  }

  /** Whether the client of this SMTP session has gone away. */
  isClosed(sessionId: string): boolean {
    return this.closedSessions.has(sessionId);
  }

  /** How many times each Message-ID was accepted. */
  acceptedCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.accepted)
      counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
