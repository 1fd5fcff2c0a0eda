import 'reflect-metadata';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import type { AppConfig } from '@app/common';
import { PERMISSIONS } from '@app/identity';
import { ApiModule } from '../api.module';
import { PERMISSION_KEY } from './decorators/permission.decorator';
import { IS_PUBLIC } from './decorators/public.decorator';

/** Every controller the API serves, found by walking its modules. */
function controllersOf(root: unknown, seen = new Set<unknown>()): Type[] {
  if (!root || seen.has(root)) return [];
  seen.add(root);
  const dynamic = root as { module?: Type; imports?: unknown[]; controllers?: Type[] };
  const moduleClass = typeof root === 'function' ? (root as Type) : dynamic.module;
  const read = <T>(key: string): T[] =>
    moduleClass ? ((Reflect.getMetadata(key, moduleClass) as T[] | undefined) ?? []) : [];
  const controllers = [...read<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic.controllers ?? [])];
  const imports = [...read<unknown>(MODULE_METADATA.IMPORTS), ...(dynamic.imports ?? [])];
  return [...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

describe('route permissions', () => {
  const root = ApiModule.forRoot({ config: {} as AppConfig, databaseUrl: 'postgres://unused' });
  const controllers = [...new Set(controllersOf(root))];
  const routes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => ({ name, handler: controller.prototype[name] as object }))
      .filter(
        ({ handler }) =>
          typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler),
      )
      .map(({ name, handler }) => ({
        route: `${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`,
        permission: (Reflect.getMetadata(PERMISSION_KEY, handler) ??
          Reflect.getMetadata(PERMISSION_KEY, controller)) as string | undefined,
        isPublic: Boolean(
          Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller),
        ),
      })),
  );

  it('finds the controllers', () => {
    expect(controllers.length).toBeGreaterThanOrEqual(14);
  });

  it('gives every route a permission of the access module, or marks it @Public()', () => {
    const undeclared = routes.filter((route) => !route.isPublic && !route.permission);
    expect(undeclared.map((route) => route.route)).toEqual([]);
    const unknown = routes.filter(
      (route) => route.permission && !(route.permission in PERMISSIONS),
    );
    expect(unknown.map((route) => route.route)).toEqual([]);
  });

  it('never marks a route both public and guarded', () => {
    expect(
      routes.filter((route) => route.isPublic && route.permission).map((route) => route.route),
    ).toEqual([]);
  });
});
