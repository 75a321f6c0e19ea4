export { type AuditEntry, type AuditRecord, recordAudit, recordAudits, searchAudit } from './audit';
export { auditRoutes } from './audit.routes';
