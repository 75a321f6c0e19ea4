import net from 'node:net';
import tls from 'node:tls';
import type { EmailMessage, EmailProvider } from './notify.providers';

/** Where and how to send mail: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export interface SmtpOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** Refuse to send without TLS (STARTTLS must be offered when `secure` is false). Default true. */
  requireTls?: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Name announced in EHLO. */
  clientName?: string;
  timeoutMs?: number;
  /** For tests and private CAs. */
  tlsOptions?: tls.ConnectionOptions;
}

/** Parse `smtp(s)://user:pass@host:port?from=noreply@x.cn&requireTls=false`. */
export function smtpOptionsFromUrl(url: string): SmtpOptions {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`not an SMTP URL: ${u.protocol}`);
  const secure = u.protocol === 'smtps:';
  const from = u.searchParams.get('from');
  if (!from) throw new Error('SMTP URL needs ?from=address');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    requireTls: u.searchParams.get('requireTls') !== 'false',
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass: u.password ? decodeURIComponent(u.password) : undefined,
    from,
  };
}

interface Reply {
  code: number;
  lines: string[];
}

/** Reads SMTP replies (multi-line `250-…` up to `250 …`) from a socket that may be upgraded to TLS. */
class Conversation {
  private buffer = '';
  private waiting: Array<(r: Reply) => void> = [];
  private replies: Reply[] = [];
  private pending: string[] = [];
  private failure: Error | null = null;
  private onError: Array<(e: Error) => void> = [];

  constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket) {
    this.socket = socket;
    this.buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.feed(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  private fail(e: Error) {
    if (this.failure) return;
    this.failure = e;
    for (const f of this.onError.splice(0)) f(e);
  }

  private feed(chunk: string) {
    this.buffer += chunk;
    let nl = this.buffer.indexOf('\n');
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.pending.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines: this.pending.map((l) => l.slice(4)) };
        this.pending = [];
        const w = this.waiting.shift();
        if (w) w(reply);
        else this.replies.push(reply);
      }
      nl = this.buffer.indexOf('\n');
    }
  }

  read(timeoutMs: number): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('SMTP timeout')), timeoutMs);
      this.waiting.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.onError.push((e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  async command(line: string | null, expect: number[], timeoutMs: number): Promise<Reply> {
    if (line !== null) this.socket.write(`${line}\r\n`);
    const reply = await this.read(timeoutMs);
    if (!expect.includes(reply.code)) {
      const shown = line?.startsWith('AUTH') ? 'AUTH' : (line ?? 'greeting');
      throw new Error(`SMTP ${shown}: ${reply.code} ${reply.lines.join(' ')}`);
    }
    return reply;
  }
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** RFC 2047 encoded word for non-ASCII header values (Chinese subjects). */
const header = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${b64(s)}?=`);
const bareAddress = (s: string) => (s.match(/<([^>]+)>/)?.[1] ?? s).trim();

/** The message as sent: headers, a base64 UTF-8 text body, dot-stuffing not needed for base64. */
export function formatMessage(from: string, m: EmailMessage, now: Date, id: string): string {
  const body = b64(m.text).replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${m.to}`,
    `Subject: ${header(m.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${id}@wayline>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

function connect(o: SmtpOptions, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = o.secure
      ? tls.connect({ host: o.host, port: o.port, servername: o.host, ...o.tlsOptions })
      : net.connect({ host: o.host, port: o.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('SMTP connect timeout'));
    }, timeoutMs);
    socket.once(o.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Send one message: EHLO, STARTTLS when offered, AUTH PLAIN or LOGIN when a user is set, MAIL/RCPT/DATA. */
export async function sendMail(o: SmtpOptions, m: EmailMessage, now = new Date()): Promise<string> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const name = o.clientName ?? 'wayline.local';
  const c = new Conversation(await connect(o, timeoutMs));
  try {
    await c.command(null, [220], timeoutMs);
    let ehlo = await c.command(`EHLO ${name}`, [250], timeoutMs);
    let secure = o.secure;
    const offers = (r: Reply, ext: string) => r.lines.some((l) => l.toUpperCase().startsWith(ext));
    if (!secure && offers(ehlo, 'STARTTLS')) {
      await c.command('STARTTLS', [220], timeoutMs);
      const plain = c.socket;
      plain.removeAllListeners('data');
      plain.removeAllListeners('close');
      const upgraded = await new Promise<tls.TLSSocket>((resolve, reject) => {
        const s = tls.connect({ socket: plain, servername: o.host, ...o.tlsOptions }, () => resolve(s));
        s.once('error', reject);
      });
      c.attach(upgraded);
      secure = true;
      ehlo = await c.command(`EHLO ${name}`, [250], timeoutMs);
    }
    if (!secure && (o.requireTls ?? true))
      throw new Error('SMTP server offers no STARTTLS and requireTls is set');
    if (o.user) {
      const auth = ehlo.lines.find((l) => l.toUpperCase().startsWith('AUTH'))?.toUpperCase() ?? '';
      if (auth.includes('PLAIN')) {
        await c.command(`AUTH PLAIN ${b64(`\0${o.user}\0${o.pass ?? ''}`)}`, [235], timeoutMs);
      } else if (auth.includes('LOGIN')) {
        await c.command('AUTH LOGIN', [334], timeoutMs);
        await c.command(b64(o.user), [334], timeoutMs);
        await c.command(b64(o.pass ?? ''), [235], timeoutMs);
      } else throw new Error('SMTP server offers neither AUTH PLAIN nor AUTH LOGIN');
    }
    await c.command(`MAIL FROM:<${bareAddress(o.from)}>`, [250], timeoutMs);
    await c.command(`RCPT TO:<${bareAddress(m.to)}>`, [250, 251], timeoutMs);
    await c.command('DATA', [354], timeoutMs);
    const id = `${now.getTime().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
    const done = await c.command(`${formatMessage(o.from, m, now, id)}\r\n.`, [250], timeoutMs);
    c.socket.write('QUIT\r\n');
    return done.lines.join(' ') || id;
  } finally {
    c.socket.end();
  }
}

/** An `EmailProvider` over SMTP (one connection per message). */
export function createSmtpProvider(o: SmtpOptions): EmailProvider {
  return {
    name: `smtp:${o.host}`,
    async send(message) {
      return { providerMessageId: await sendMail(o, message) };
    },
  };
}
