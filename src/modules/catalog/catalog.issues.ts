import type { z } from 'zod';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, type FieldIssue } from '../../platform/lib/errors';

export interface IssueOptions {
  /** Field name for an issue path; defaults to the dotted path. */
  fieldOf?: (path: PropertyKey[]) => string;
  /** How allowed values of an enum are listed in the message (e.g. with Chinese labels). */
  describeOptions?: (path: PropertyKey[], values: unknown[]) => string;
}

/**
 * A zod issue as a field issue with a message in `lang` — the same codes and messages the HTTP
 * layer gives for body validation (`platform/http/problem.ts`), so a rule broken in a PATCH, a
 * create or an import row reads the same. Custom issues carry their own message code.
 */
export function toFieldIssue(issue: z.core.$ZodIssue, lang: Lang, options: IssueOptions = {}): FieldIssue {
  const path = issue.path;
  const field = options.fieldOf ? options.fieldOf(path) : path.map(String).join('.');
  let messageCode = 'field.invalid';
  let params: Record<string, unknown> = {};
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) messageCode = 'field.required';
      else if (issue.expected === 'int') messageCode = 'field.not_integer';
      else {
        messageCode = 'field.invalid_type';
        params = { expected: issue.expected };
      }
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
      params = {
        options: options.describeOptions
          ? options.describeOptions(path, issue.values)
          : issue.values.join(', '),
      };
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

/** Parse or throw the 400 `validation_failed` the HTTP layer would give, fields under `prefix`. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: Lang,
  prefix = 'body',
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) =>
    toFieldIssue(i, lang, { fieldOf: (path) => [prefix, ...path.map(String)].filter(Boolean).join('.') }),
  );
  throw new AppError('bad_request', 'validation_failed', {}, issues);
}
