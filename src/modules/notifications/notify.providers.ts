/**
 * Channel providers. SMS goes through an `SmsProvider` (the default logs and records the message;
 * a real gateway is plugged in with `setSmsProvider`), e-mail through an `EmailProvider` (none by
 * default: e-mail is then skipped, recorded as such in the delivery log).
 */
export interface SmsMessage {
  to: string;
  /** The number as it may appear in logs (`139****1234`). */
  toMasked: string;
  text: string;
}

export interface SmsProvider {
  name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailProvider {
  name: string;
  send(message: EmailMessage): Promise<{ providerMessageId: string }>;
}

export interface LoggedSms {
  toMasked: string;
  text: string;
  at: Date;
}

/**
 * Records messages in memory (the last 500) and writes one line per message with the masked
 * number only — the full number never reaches a log.
 */
export function createLoggingSmsProvider(log: (line: string) => void = () => {}): SmsProvider & {
  sent: LoggedSms[];
} {
  const sent: LoggedSms[] = [];
  let seq = 0;
  return {
    name: 'logging',
    sent,
    async send(message) {
      sent.push({ toMasked: message.toMasked, text: message.text, at: new Date() });
      if (sent.length > 500) sent.splice(0, sent.length - 500);
      log(`[sms] to ${message.toMasked}: ${message.text}`);
      seq += 1;
      return { providerMessageId: `log-${seq}` };
    },
  };
}

/** The process-wide logging SMS provider (the default one). */
export const loggingSms = createLoggingSmsProvider();

let smsProvider: SmsProvider = loggingSms;
let emailProvider: EmailProvider | null = null;

/** Replace the SMS provider (a real gateway); returns the previous one. */
export function setSmsProvider(provider: SmsProvider): SmsProvider {
  const before = smsProvider;
  smsProvider = provider;
  return before;
}

/** Configure e-mail (e.g. `createSmtpProvider(...)`); null turns it off. Returns the previous one. */
export function setEmailProvider(provider: EmailProvider | null): EmailProvider | null {
  const before = emailProvider;
  emailProvider = provider;
  return before;
}

export const currentSmsProvider = (): SmsProvider => smsProvider;
export const currentEmailProvider = (): EmailProvider | null => emailProvider;
