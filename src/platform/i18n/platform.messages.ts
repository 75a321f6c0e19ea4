import type { MessageCatalogue } from './i18n';

/** Messages for errors raised by the platform itself (HTTP, validation, auth, idempotency). */
export const platformMessages: MessageCatalogue = {
  internal_error: {
    'zh-CN': '服务器内部错误，请稍后重试；如持续出现，请将请求编号 {requestId} 告知信息技术部。',
    en: 'Internal error. Please retry; if it persists, give request id {requestId} to IT.',
  },
  validation_failed: { 'zh-CN': '提交的数据有误，请检查标出的字段。', en: 'The request has invalid fields.' },
  text_nul: {
    'zh-CN': '文本中含有空字符（U+0000），无法保存，请删除后重试。',
    en: 'The text contains a NUL character (U+0000), which cannot be stored; remove it and retry.',
  },
  not_found: { 'zh-CN': '未找到{entity}（{id}）。', en: '{entity} {id} was not found.' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  unauthenticated: { 'zh-CN': '请先登录。', en: 'Please sign in.' },
  forbidden: {
    'zh-CN': '您没有执行此操作的权限（{permission}）。',
    en: 'You do not have permission {permission}.',
  },
  csrf_failed: {
    'zh-CN': '安全校验失败（CSRF），请刷新页面后重试。',
    en: 'Security check failed (CSRF). Reload the page and try again.',
  },
  idempotency_key_reused: {
    'zh-CN': '幂等键 {key} 已用于另一个不同内容的请求。',
    en: 'Idempotency key {key} was already used for a different request.',
  },
  idempotency_in_progress: {
    'zh-CN': '使用幂等键 {key} 的请求仍在处理中，请稍后重试。',
    en: 'A request with idempotency key {key} is still being processed; retry shortly.',
  },
  idempotency_key_invalid: {
    'zh-CN': '幂等键必须是 1 到 200 个可见字符。',
    en: 'Idempotency-Key must be 1 to 200 visible characters.',
  },
  payload_too_large: { 'zh-CN': '请求内容过大。', en: 'Request body is too large.' },
  invalid_json: { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  bad_request: { 'zh-CN': '请求无效。', en: 'Bad request.' },
  invalid_cursor: { 'zh-CN': '分页游标无效。', en: 'The pagination cursor is invalid.' },
  rate_limited: {
    'zh-CN': '请求过于频繁，请 {retryAfter} 秒后再试。',
    en: 'Too many requests; retry in {retryAfter} s.',
  },
  job_not_found: { 'zh-CN': '未找到任务 {id}。', en: 'Job {id} was not found.' },
  job_not_cancellable: {
    'zh-CN': '任务 {id} 已结束，无法取消。',
    en: 'Job {id} has finished and cannot be cancelled.',
  },
  // Field-level validation messages (zod issue codes).
  'field.required': { 'zh-CN': '必填。', en: 'Required.' },
  'field.invalid_type': { 'zh-CN': '类型错误，应为{expected}。', en: 'Expected {expected}.' },
  'field.too_small.string': {
    'zh-CN': '至少 {minimum} 个字符。',
    en: 'Must have at least {minimum} characters.',
  },
  'field.too_big.string': {
    'zh-CN': '最多 {maximum} 个字符。',
    en: 'Must have at most {maximum} characters.',
  },
  'field.too_small.number': { 'zh-CN': '不能小于 {minimum}。', en: 'Must be at least {minimum}.' },
  'field.too_big.number': { 'zh-CN': '不能大于 {maximum}。', en: 'Must be at most {maximum}.' },
  'field.too_small.array': { 'zh-CN': '至少 {minimum} 项。', en: 'Must have at least {minimum} items.' },
  'field.too_big.array': { 'zh-CN': '最多 {maximum} 项。', en: 'Must have at most {maximum} items.' },
  'field.invalid_format': { 'zh-CN': '格式不正确（{format}）。', en: 'Invalid format ({format}).' },
  'field.invalid_value': { 'zh-CN': '取值无效，可选：{options}。', en: 'Invalid value; allowed: {options}.' },
  'field.not_integer': { 'zh-CN': '必须是整数。', en: 'Must be an integer.' },
  'field.unrecognized_keys': { 'zh-CN': '不认识的字段：{keys}。', en: 'Unknown field(s): {keys}.' },
  'field.invalid': { 'zh-CN': '取值无效。', en: 'Invalid value.' },
};
