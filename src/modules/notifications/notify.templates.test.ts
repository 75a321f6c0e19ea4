import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoff, DEFAULT_POLICY, signWebhook } from './notify.delivery';
import { DEFAULT_TEMPLATES, NOTIFY_TOPICS, render, unknownPlaceholders } from './notify.templates';

describe('templates', () => {
  it('fill known placeholders and show a dash for missing values', () => {
    expect(
      render('订单{{orderNumber}}由{{ carrier }}发出，运单{{waybillNo}}', {
        orderNumber: 'SO1',
        carrier: '顺丰',
      }),
    ).toBe('订单SO1由顺丰发出，运单-');
  });
  it('name unknown placeholders', () => {
    expect(unknownPlaceholders('{{orderNo}} {{orderNumber}} {{phone}}')).toEqual(['orderNo', 'phone']);
  });
  it('built-in templates exist for every milestone in both languages and use known placeholders only', () => {
    for (const topic of NOTIFY_TOPICS)
      for (const lang of ['zh-CN', 'en'] as const) {
        const t = DEFAULT_TEMPLATES[topic][lang];
        expect(t.body.length).toBeGreaterThan(0);
        expect(unknownPlaceholders(t.body + t.subject)).toEqual([]);
        expect(t.body).toContain('{{orderNumber}}');
      }
  });
});

describe('webhook signing and backoff', () => {
  it('signs "<unix seconds>.<body>" with HMAC-SHA256', () => {
    const at = new Date('2026-11-26T08:00:00Z');
    const header = signWebhook('whsec_x', '{"a":1}', at);
    const t = at.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_x').update(`${t}.{"a":1}`).digest('hex')}`);
    expect(signWebhook('whsec_y', '{"a":1}', at)).not.toBe(header);
  });
  it('doubles the wait after each failure up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoff(n, DEFAULT_POLICY))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoff(30, DEFAULT_POLICY)).toBe(DEFAULT_POLICY.maxMs);
  });
});
