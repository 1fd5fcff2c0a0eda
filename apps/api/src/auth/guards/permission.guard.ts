import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleMay, type Permission, type Principal } from '@app/identity';
import { PERMISSION_KEY } from '../decorators/permission.decorator';

/** Global guard: a route's `@RequirePermission(...)` refuses every role without it with 403. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (principal && roleMay(principal, permission)) return true;
    throw new ForbiddenException(
      `This action is not available to the ${principal?.role ?? 'anonymous'} role`,
    );
  }
}
