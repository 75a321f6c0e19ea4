import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpProvider, sendMail, smtpOptionsFromUrl } from './smtp.client';

interface Session {
  commands: string[];
  data: string;
}

/** A fake SMTP server over node:net: offers the given AUTH mechanisms, accepts `user`/`secret`. */
function fakeServer(
  auth: string,
): Promise<{ port: number; sessions: Session[]; close: () => Promise<void> }> {
  const sessions: Session[] = [];
  const server = net.createServer((socket) => {
    const s: Session = { commands: [], data: '' };
    sessions.push(s);
    let buffer = '';
    let inData = false;
    let login: 'user' | 'pass' | null = null;
    let user = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let nl = buffer.indexOf('\r\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        nl = buffer.indexOf('\r\n');
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 2.0.0 queued as ABC123\r\n');
          } else s.data += `${line}\r\n`;
          continue;
        }
        s.commands.push(line);
        const verb = line.split(' ')[0].toUpperCase();
        if (login === 'user') {
          user = Buffer.from(line, 'base64').toString();
          login = 'pass';
          socket.write('334 UGFzc3dvcmQ6\r\n');
        } else if (login === 'pass') {
          login = null;
          const ok = user === 'user' && Buffer.from(line, 'base64').toString() === 'secret';
          socket.write(ok ? '235 ok\r\n' : '535 bad credentials\r\n');
        } else if (verb === 'EHLO') socket.write(`250-fake\r\n250-${auth}\r\n250 8BITMIME\r\n`);
        else if (line === 'AUTH LOGIN') {
          login = 'user';
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (line.startsWith('AUTH PLAIN ')) {
          const [, u, p] = Buffer.from(line.slice(11), 'base64').toString().split('\0');
          socket.write(u === 'user' && p === 'secret' ? '235 ok\r\n' : '535 bad credentials\r\n');
        } else if (verb === 'MAIL' || verb === 'RCPT') socket.write('250 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('502 unknown\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        sessions,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const message = {
  to: '李娜 <li.na@example.cn>',
  subject: '订单 SO1 已发货',
  text: '您的订单SO1已发货。\n谢谢！',
};
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('SMTP client', () => {
  it('authenticates with AUTH LOGIN and sends a UTF-8 message', async () => {
    const srv = await fakeServer('AUTH LOGIN');
    close = srv.close;
    const options = smtpOptionsFromUrl(
      `smtp://user:secret@127.0.0.1:${srv.port}?from=${encodeURIComponent('Wayline <noreply@wayline.cn>')}&requireTls=false`,
    );
    const id = await createSmtpProvider(options).send(message);
    expect(id.providerMessageId).toContain('ABC123');
    const s = srv.sessions[0];
    expect(s.commands).toContain('MAIL FROM:<noreply@wayline.cn>');
    expect(s.commands).toContain('RCPT TO:<li.na@example.cn>');
    expect(s.commands).not.toContain('secret');
    const [head, body] = s.data.split('\r\n\r\n');
    expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from(message.subject).toString('base64')}?=`);
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(message.text);
  });

  it('prefers AUTH PLAIN when offered and reports refused credentials', async () => {
    const srv = await fakeServer('AUTH PLAIN LOGIN');
    close = srv.close;
    const base = {
      host: '127.0.0.1',
      port: srv.port,
      secure: false,
      requireTls: false,
      from: 'noreply@wayline.cn',
    };
    await sendMail({ ...base, user: 'user', pass: 'secret' }, message);
    expect(srv.sessions[0].commands.some((c) => c.startsWith('AUTH PLAIN '))).toBe(true);
    await expect(sendMail({ ...base, user: 'user', pass: 'wrong' }, message)).rejects.toThrow(/535/);
  });

  it('refuses to send in clear text when TLS is required and STARTTLS is not offered', async () => {
    const srv = await fakeServer('AUTH PLAIN');
    close = srv.close;
    await expect(
      sendMail(
        { host: '127.0.0.1', port: srv.port, secure: false, from: 'a@b.cn', user: 'user', pass: 'secret' },
        message,
      ),
    ).rejects.toThrow(/STARTTLS/);
    expect(srv.sessions[0].commands.some((c) => c.startsWith('AUTH'))).toBe(false);
  });

  it('reads its settings from a URL', () => {
    expect(smtpOptionsFromUrl('smtps://a%40b.cn:p%3Ass@mail.example.cn?from=a@b.cn')).toMatchObject({
      host: 'mail.example.cn',
      port: 465,
      secure: true,
      user: 'a@b.cn',
      pass: 'p:ss',
    });
    expect(() => smtpOptionsFromUrl('http://x')).toThrow();
    expect(() => smtpOptionsFromUrl('smtp://x')).toThrow(/from/);
  });
});
