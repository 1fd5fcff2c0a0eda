export * from './audit-entry.entity';
export * from './audit.module';
export * from './audit.service';

import { AuditEntry } from './audit-entry.entity';
export const auditEntities = [AuditEntry];
