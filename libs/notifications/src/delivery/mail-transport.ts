import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail: through SMTP when configured, else into `.eml` files a developer can open. */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): void;
}

export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    super();
    // Pooled: one connection carries many messages instead of a handshake per message.
    const pooled = new URL(url);
    pooled.searchParams.set('pool', 'true');
    this.transporter = createTransport(pooled.toString());
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * `<time>-<message id>.eml`, e.g. `20261201T230000Z-5f0c…_safe-schools.eml`:
 * the UTC time to the second in ISO 8601 basic format, so names sort by time,
 * then the message id without its angle brackets, anything but letters,
 * digits, `.`, `_` and `-` replaced by `_`.
 */
export function mailFileName(time: Date, messageId: string): string {
  const stamp = time
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  const id = messageId.replace(/^<|>$/g, '').replace(/[^\w.-]/g, '_');
  return `${stamp}-${id}.eml`;
}

/** Development mailbox: each message is written as `<directory>/<time>-<message id>.eml`. */
export class FileMailTransport extends MailTransport {
  private readonly transporter = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(private readonly directory: string) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { message } = (await this.transporter.sendMail(mail)) as { message: Buffer };
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, mailFileName(new Date(), mail.messageId)), message);
  }

  close(): void {
    this.transporter.close();
  }
}
