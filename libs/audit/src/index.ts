import { AuditEntry } from './audit-entry.entity';

export { AuditModule } from './audit.module';
export { AuditService, type AuditFilter, type AuditRecord } from './audit.service';

/** The library's tables, for the migration CLI. */
export const auditEntities = [AuditEntry];
