import { AddressInfo, Server, createServer } from 'node:net';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * A minimal SMTP server on an ephemeral port that keeps every message it takes; it answers 550 (for good) to a
 * recipient in `refused` and 450 (try later) to one in `busy`, as a real server may.
 */
export class SmtpInbox {
  readonly mails: Mail[] = [];
  readonly refused = new Set<string>();
  readonly busy = new Set<string>();
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((socket) => {
      socket.setEncoding('utf8');
      const reply = (line: string) => socket.write(`${line}\r\n`);
      let buffer = '';
      let to: string[] = [];
      let data: string[] | null = null;
      socket.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (data && line === '.') {
            this.mails.push({ to, ...parseMail(data) });
            [to, data] = [[], null];
            reply('250 queued');
          } else if (data) data.push(line.startsWith('..') ? line.slice(1) : line);
          else if (/^RCPT/i.test(line)) {
            const address = /<(.*)>/.exec(line)?.[1] ?? '';
            if (this.refused.has(address)) reply('550 no such mailbox');
            else if (this.busy.has(address)) reply('450 mailbox busy, try again later');
            else reply(`250 ${to.push(address)}`);
          } else if (/^DATA/i.test(line)) {
            data = [];
            reply('354 go on');
          } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
          else reply('250 ok');
        }
      });
      reply('220 inbox.test ESMTP');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A message's subject and text, its quoted-printable soft line breaks and escapes undone. */
function parseMail(lines: string[]): { subject: string; text: string } {
  const blank = lines.indexOf('');
  const headers = lines.slice(0, blank).join('\n');
  let text = lines.slice(blank + 1).join('\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    text = Buffer.from(
      text
        .replace(/=\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject: /^Subject: (.*)$/m.exec(headers)?.[1] ?? '', text };
}
