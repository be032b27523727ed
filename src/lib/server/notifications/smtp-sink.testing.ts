import { SMTPServer } from 'smtp-server';

/** A received e-mail as the sink saw it on the wire. */
export interface TSunkMail {
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
}

/**
 * A local SMTP server on loopback for tests: it keeps every message it accepts, and refuses the next
 * `refuseNext` messages with a temporary error (451) to exercise retries.
 */
export interface TSmtpSink {
  url: string;
  mails: TSunkMail[];
  refuseNext: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<TSmtpSink> {
  const sink: TSmtpSink = {
    url: '',
    mails: [],
    refuseNext: 0,
    close: async () => undefined
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.refuseNext > 0) {
          sink.refuseNext--;
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) =>
          new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0])?.[1]?.trim() ?? null;
        sink.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: header('Message-ID'),
          subject: header('Subject')
        });
        callback();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
