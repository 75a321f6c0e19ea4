import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { badRequest } from '../../platform/lib/errors';
import { CHANNELS, type ConsigneeChannel, LANGS, notifyDb, type TemplateLang } from './notify.tables';
import { DEFAULT_TEMPLATES, NOTIFY_TOPICS, type NotifyTopic, unknownPlaceholders } from './notify.templates';

export interface ChannelSetting {
  enabled: boolean;
  lang: TemplateLang;
}

/** SMS on in Chinese unless changed; e-mail on (sent when a provider and an address exist). */
export async function channelSettings(db: Db | Trx): Promise<Record<ConsigneeChannel, ChannelSetting>> {
  const rows = await notifyDb(db as Db)
    .selectFrom('notifications.channel_setting')
    .selectAll()
    .execute();
  const out: Record<ConsigneeChannel, ChannelSetting> = {
    sms: { enabled: true, lang: 'zh-CN' },
    email: { enabled: true, lang: 'zh-CN' },
  };
  for (const r of rows) out[r.channel] = { enabled: r.enabled, lang: r.lang };
  return out;
}

export async function saveChannel(
  trx: Trx,
  channel: ConsigneeChannel,
  setting: ChannelSetting,
  actor: Actor,
  now: Date,
): Promise<void> {
  await notifyDb(trx)
    .insertInto('notifications.channel_setting')
    .values({ channel, ...setting, updated_at: now })
    .onConflict((c) => c.column('channel').doUpdateSet({ ...setting, updated_at: now }))
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'update', entity: 'notifications.channel', entityId: channel, after: setting },
    now,
  );
}

export interface TemplateView {
  event: NotifyTopic;
  channel: ConsigneeChannel;
  lang: TemplateLang;
  subject: string;
  body: string;
  enabled: boolean;
  custom: boolean;
  updatedAt: string | null;
}

export async function templateFor(
  db: Db | Trx,
  event: NotifyTopic,
  channel: ConsigneeChannel,
  lang: TemplateLang,
): Promise<TemplateView> {
  const row = await notifyDb(db as Db)
    .selectFrom('notifications.template')
    .selectAll()
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where('lang', '=', lang)
    .executeTakeFirst();
  const d = DEFAULT_TEMPLATES[event][lang];
  return row
    ? {
        event,
        channel,
        lang,
        subject: row.subject,
        body: row.body,
        enabled: row.enabled,
        custom: true,
        updatedAt: row.updated_at.toISOString(),
      }
    : {
        event,
        channel,
        lang,
        subject: d.subject,
        body: d.body,
        enabled: true,
        custom: false,
        updatedAt: null,
      };
}

/** Every event × channel × language, the saved template or the built-in one. */
export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const out: TemplateView[] = [];
  for (const event of NOTIFY_TOPICS)
    for (const channel of CHANNELS)
      for (const lang of LANGS) out.push(await templateFor(db, event, channel, lang));
  return out;
}

export async function saveTemplate(
  trx: Trx,
  key: { event: NotifyTopic; channel: ConsigneeChannel; lang: TemplateLang },
  input: { subject: string; body: string; enabled: boolean },
  actor: Actor,
  now: Date,
): Promise<TemplateView> {
  const issues = (['subject', 'body'] as const).flatMap((field) =>
    unknownPlaceholders(input[field]).map((name) => ({
      field: `body.${field}`,
      code: 'unknown_placeholder',
      message: name,
      params: { name },
    })),
  );
  if (issues.length)
    throw badRequest(
      'notifications.unknown_placeholder',
      { names: issues.map((i) => i.message).join(', ') },
      issues,
    );
  const before = await templateFor(trx, key.event, key.channel, key.lang);
  const values = { ...input, updated_at: now, updated_by: actor.name };
  await notifyDb(trx)
    .insertInto('notifications.template')
    .values({ ...key, ...values })
    .onConflict((c) => c.columns(['event', 'channel', 'lang']).doUpdateSet(values))
    .execute();
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      entity: 'notifications.template',
      entityId: `${key.event}/${key.channel}/${key.lang}`,
      before: { subject: before.subject, body: before.body, enabled: before.enabled },
      after: input,
    },
    now,
  );
  return templateFor(trx, key.event, key.channel, key.lang);
}
