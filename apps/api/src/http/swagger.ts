import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';

/** The OpenAPI document of the routes `app` serves. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Safe Schools API')
    .setDescription(
      'Bullying-incident reporting: students and families file reports, counselors triage and resolve them. ' +
        'Errors are `{ statusCode, error, message }`; lists are `{ items, nextCursor }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return withoutPropertyWordsOnEnums(SwaggerModule.createDocument(app, config));
}

/**
 * A named enum takes the description of the first property that uses it,
 * which then reads wrong for every other one: the description stays on the
 * properties only.
 */
function withoutPropertyWordsOnEnums(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if ('enum' in schema && schema.enum) delete schema.description;
  }
  return document;
}

/** The OpenAPI JSON at /api/docs-json, always; the Swagger UI at /api/docs when `ui` is on. */
export function setUpSwagger(app: INestApplication, { ui }: { ui: boolean }): void {
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), {
    ui,
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    customSiteTitle: 'Safe Schools API',
  });
}
