import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './problem-schema.js';

export interface OpenApiOptions {
  readonly title?: string;
  readonly description?: string;
  readonly version?: string;
  /** For additions such as security schemes: `(b) => b.addBearerAuth()`. */
  readonly customize?: (builder: DocumentBuilder) => DocumentBuilder;
}

/** The OpenAPI document generated from the controllers, with errors documented as problem+json. */
export function createOpenApiDocument(app: INestApplication, options: OpenApiOptions = {}): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle(options.title ?? 'API')
    .setVersion(options.version ?? '1')
    .setDescription(options.description ?? 'Errors are RFC 9457 problem details (`application/problem+json`).');
  if (options.customize) builder = options.customize(builder);
  return documentProblems(SwaggerModule.createDocument(app, builder.build()));
}

/** Serves Swagger UI at `/docs` and the document at `/openapi.json`. Call after `configureHttpApp`, before `listen`. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions = {}): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  return document;
}
