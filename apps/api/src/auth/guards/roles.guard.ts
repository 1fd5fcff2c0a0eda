import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal, Role } from '@app/identity';
import { ROLES_KEY } from '../decorators/roles.decorator';

/** Global guard: a route marked `@Roles(...)` refuses every other role with 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (principal && roles.includes(principal.role)) return true;
    throw new ForbiddenException(
      `This action is not available to the ${principal?.role ?? 'anonymous'} role`,
    );
  }
}
