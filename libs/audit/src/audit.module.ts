import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), IdentityModule],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
