import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-document.js';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** RFC 9457 problem details as this service sends them. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An error, as RFC 9457 problem details. Extension members (e.g. `currentVersion` on a 409) may appear.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'Identifies the kind of problem; `about:blank` when the status says it all.', example: 'urn:problem-type:validation-failed' },
    title: { type: 'string', example: 'Validation failed' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request has 1 invalid field: investment.developmentCost.amountMinor.' },
    instance: { type: 'string', description: 'The path of the request.', example: '/v1/proposals' },
    requestId: { type: 'string', description: 'Quote it when reporting a problem: the logs are keyed by it.' },
    errors: {
      type: 'array',
      description: 'Every invalid field of the request.',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', description: 'Dot path into the request body.', example: 'investment.developmentCost.amountMinor' },
          reason: { type: 'string', example: 'amountMinor must be an integer number' },
        },
      },
    },
  },
  additionalProperties: true,
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Adds the Problem schema, gives every declared error response its content, and a `default` error response. */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const [code, response] of Object.entries(operation.responses)) {
        if (response && !('$ref' in response) && isErrorCode(code) && !response.content) response.content = problemContent;
      }
      operation.responses.default ??= { description: 'An error, as problem details (RFC 9457).', content: problemContent };
    }
  }
  return document;
}

function isErrorCode(code: string): boolean {
  return /^[45]/.test(code);
}
