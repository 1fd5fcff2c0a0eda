import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_PREFIX } from '../app.factory';
import { buildOpenApiDocument } from './swagger';

/** Every `*.controller.ts` of the API, so a new one is checked without being listed here. */
function controllerFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

function controllers(): Type[] {
  return controllerFiles(join(__dirname, '..')).flatMap((file) =>
    Object.values(jest.requireActual<Record<string, unknown>>(file)).filter(
      (value): value is Type =>
        typeof value === 'function' && Reflect.getMetadata('path', value) !== undefined,
    ),
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface SchemaLike {
  type?: string;
  $ref?: string;
  properties?: Record<string, SchemaLike>;
  additionalProperties?: unknown;
  allOf?: unknown[];
  oneOf?: unknown[];
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    // The controllers alone: the document is read from their metadata, no service runs.
    const module = await Test.createTestingModule({ controllers: controllers() })
      .useMocker(() => ({}))
      .compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
    document = buildOpenApiDocument(app);
  });
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = (item as Record<string, Operation | undefined>)[method];
        return operation ? [{ route: `${method.toUpperCase()} ${path}`, operation }] : [];
      }),
    );

  it('covers the routes of every controller', () => {
    expect(operations().length).toBeGreaterThan(30);
  });

  it('describes the body of every success response', () => {
    const undescribed = operations().flatMap(({ route, operation }) => {
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      if (successes.length === 0) return [`${route}: no success response`];
      return successes
        .filter(([status]) => status !== '204')
        .filter(
          ([, response]) =>
            !response.content ||
            Object.values(response.content).length === 0 ||
            Object.values(response.content).some((media) => media.schema === undefined),
        )
        .map(([status]) => `${route} ${status}: no schema`);
    });
    expect(undescribed).toEqual([]);
  });

  it('types every property: no bare objects from `string | null` and the like', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaLike>;
    const untyped = Object.entries(schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(
          ([, property]) =>
            property.type === 'object' &&
            !property.properties &&
            !property.additionalProperties &&
            !property.allOf &&
            !property.oneOf &&
            !property.$ref,
        )
        .map(([key]) => `${name}.${key}`),
    );
    expect(untyped).toEqual([]);
  });

  it('says nothing comes back for a 204', () => {
    const withBody = operations().flatMap(({ route, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status, response]) => status === '204' && response.content !== undefined)
        .map(() => route),
    );
    expect(withBody).toEqual([]);
  });
});
