import { AuditEntry } from './audit-entry.entity';

export { AuditModule } from './audit.module';
export {
  AUDIT_READ_ACTIONS,
  AuditService,
  type AuditFilter,
  type AuditKind,
  type AuditListEntry,
  type AuditRecord,
} from './audit.service';

/** The library's tables, for the migration CLI. */
export const auditEntities = [AuditEntry];
