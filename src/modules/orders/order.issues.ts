import type { z } from 'zod';
import { type Lang, t } from '../../platform/i18n/i18n';
import type { FieldIssue } from '../../platform/lib/errors';

/**
 * A zod issue as the field issue the HTTP layer gives for a bad body (same codes and messages), for
 * the orders of a batch and the rows of an import, which are checked one by one.
 */
export function toFieldIssue(issue: z.core.$ZodIssue, lang: Lang, prefix: string): FieldIssue {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  let messageCode = 'field.invalid';
  let params: Record<string, unknown> = {};
  switch (issue.code) {
    case 'invalid_type':
      messageCode =
        issue.input === undefined
          ? 'field.required'
          : issue.expected === 'int'
            ? 'field.not_integer'
            : 'field.invalid_type';
      params = { expected: issue.expected };
      break;
    case 'too_small':
    case 'too_big': {
      const origin = ['string', 'array'].includes(String(issue.origin)) ? String(issue.origin) : 'number';
      messageCode = `field.${issue.code}.${origin}`;
      params = issue.code === 'too_small' ? { minimum: issue.minimum } : { maximum: issue.maximum };
      break;
    }
    case 'invalid_format':
      messageCode = 'field.invalid_format';
      params = { format: issue.format };
      break;
    case 'invalid_value':
      messageCode = 'field.invalid_value';
      params = { options: issue.values.join(', ') };
      break;
    case 'unrecognized_keys':
      messageCode = 'field.unrecognized_keys';
      params = { keys: issue.keys.join(', ') };
      break;
    case 'custom':
      messageCode = issue.message;
      params = (issue.params as Record<string, unknown> | undefined) ?? {};
      break;
  }
  return {
    field,
    code: issue.code === 'custom' ? issue.message : issue.code,
    message: t(lang, messageCode, params),
  };
}
