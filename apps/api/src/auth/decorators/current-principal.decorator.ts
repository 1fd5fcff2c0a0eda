import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@app/identity';

/** The authenticated caller, as resolved by the JWT strategy. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);
