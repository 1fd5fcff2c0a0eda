import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';

/** The OpenAPI JSON at /api/docs-json, always; the Swagger UI at /api/docs when `ui` is on. */
export function setUpSwagger(app: INestApplication, { ui }: { ui: boolean }): void {
  const config = new DocumentBuilder()
    .setTitle('Safe Schools API')
    .setDescription(
      'Bullying-incident reporting: students and families file reports, counselors triage and resolve them. ' +
        'Errors are `{ statusCode, error, message }`; lists are `{ items, nextCursor }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    ui,
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    customSiteTitle: 'Safe Schools API',
  });
}
