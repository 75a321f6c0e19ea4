import { App, type FormInstance } from 'antd';
import { createElement, Fragment, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, isApiError, issueNamePath } from '../api/problem';

type NamePath = (string | number)[];

/** Find the registered form field an issue belongs to (`barcodes.1` → `barcodes`). */
function registeredName(form: FormInstance, path: NamePath): NamePath | null {
  const names = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  for (let len = path.length; len > 0; len--) {
    const candidate = path.slice(0, len);
    if (names.has(JSON.stringify(candidate))) return candidate;
  }
  return null;
}

/** Put server issues on the matching form fields; returns the issues no field could take. */
export function applyIssuesToForm(form: FormInstance, issues: FieldIssue[]): FieldIssue[] {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const leftover: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issueNamePath(issue.field);
    const name = path && registeredName(form, path);
    if (!name) {
      leftover.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  if (fields.length) {
    form.setFields(fields);
    form.scrollToField(fields[0].name, { block: 'center' });
  }
  return leftover;
}

/**
 * Show an API failure: the server's localised `detail` in a notification, and its field issues on
 * the form when one is given.
 */
export function useNotifyError() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!isApiError(error)) {
        notification.error({ title: t('errors.unknown'), description: String(error ?? '') });
        return;
      }
      const leftover = form ? applyIssuesToForm(form, error.issues) : error.issues;
      const lines = leftover.map((i) => createElement('div', { key: `${i.field}:${i.code}` }, i.message));
      const requestId = error.problem?.requestId;
      const description =
        lines.length || requestId
          ? createElement(
              Fragment,
              null,
              ...lines,
              requestId
                ? createElement(
                    'div',
                    { key: 'rid', style: { marginTop: 4, fontSize: 12, opacity: 0.6 } },
                    t('errors.requestId', { id: requestId }),
                  )
                : null,
            )
          : undefined;
      notification.error({
        key: error.problem?.code ?? error.message,
        title: error.message || t('errors.unknown'),
        description,
      });
    },
    [notification, t],
  );
}
