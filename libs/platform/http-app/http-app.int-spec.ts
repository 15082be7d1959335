import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Length, Min, ValidateNested } from 'class-validator';
import pg from 'pg';
import request from 'supertest';
import { WrongExpectedVersionError } from '../../event-store/index.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { TEST_PUBLIC_KEY_PEM, testToken } from '../../../test/support/tokens.js';
import { Allow, Public } from '../auth/access-policy.js';
import { Role } from '../auth/roles.js';
import { setupOpenApi } from '../openapi/setup-openapi.js';
import { ProblemException } from '../problem/problem.exception.js';
import { ProblemModule } from '../problem/problem.module.js';
import { metadataFor, RequestContext } from '../request-context/request-context.js';
import { createPlatformTestApp, type PlatformTestApp } from '../testing/platform-test-app.js';

class MoneyDto {
  @IsInt() @Min(0) amountMinor!: number;
  @IsString() @Length(3, 3) currency!: string;
}

class InvestmentDto {
  @ValidateNested() @Type(() => MoneyDto) developmentCost!: MoneyDto;
}

class CreateThingDto {
  @IsString() @IsNotEmpty() title!: string;
  @ValidateNested() @Type(() => InvestmentDto) investment!: InvestmentDto;
}

class QuotaExceededError extends Error {}

@Public()
@Controller('things')
class ThingsController {
  @Post()
  create(@Body() dto: CreateThingDto) {
    return {
      isDto: dto instanceof CreateThingDto && dto.investment.developmentCost instanceof MoneyDto,
      actor: RequestContext.current()?.actor,
      metadata: metadataFor('because'),
    };
  }

  @Get('conflict')
  conflict() {
    throw new WrongExpectedVersionError('thing-1', 3, 5);
  }

  @Get('quota')
  quota() {
    throw new QuotaExceededError('quota');
  }

  @Get('precondition')
  precondition() {
    throw ProblemException.preconditionRequired('Send If-Match with the version you read.');
  }

  @Get('boom')
  boom() {
    throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
  }
}

@Controller('guarded')
class GuardedController {
  @Get()
  @Allow(Role.Director)
  read() {
    return { actor: RequestContext.current()?.actor };
  }

  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }
}

const bearer = (subject: string, roles: string[], organisation = 'org-1') => ({ Authorization: `Bearer ${testToken({ subject, organisation, roles })}` });

const valid = { title: 'A title', investment: { developmentCost: { amountMinor: 100, currency: 'NOK' } } };

describe('configureHttpApp', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let platform: PlatformTestApp;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase('platform_http');
    pool = new pg.Pool({ connectionString: db.url });
    platform = await createPlatformTestApp({
      pool,
      env: { BODY_LIMIT: '1kb', AUTH_PUBLIC_KEY: TEST_PUBLIC_KEY_PEM },
      controllers: [ThingsController, GuardedController],
      imports: [ProblemModule.forFeature((e) => (e instanceof QuotaExceededError ? ProblemException.unprocessable('Quota exceeded.') : undefined))],
      beforeInit: (app) => setupOpenApi(app, { title: 'Test API' }),
    });
  });

  afterAll(async () => {
    await platform?.close();
    await pool?.end();
    await db?.drop();
  });

  describe('problem+json', () => {
    it('lists every invalid field as a dot path, and rejects unknown fields', async () => {
      const res = await http()
        .post('/things')
        .send({ title: '', investment: { developmentCost: { amountMinor: 1.5, currency: 'NOK', extra: 1 } }, colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'urn:problem-type:validation-failed', title: 'Validation failed', status: 400, instance: '/things' });
      const fields = (res.body.errors as { field: string; reason: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'colour', 'investment.developmentCost.amountMinor', 'investment.developmentCost.extra']));
      expect(res.body.errors).toContainEqual({ field: 'investment.developmentCost.amountMinor', reason: 'amountMinor must be an integer number' });
      expect(res.body.errors).toContainEqual({ field: 'colour', reason: 'property colour should not exist' });
    });

    it('passes a valid body on as class instances', async () => {
      const res = await http().post('/things').send(valid);
      expect(res.status).toBe(201);
      expect(res.body.isDto).toBe(true);
    });

    it('parses JSON-based media types such as merge-patch', async () => {
      const res = await http().post('/things').set('Content-Type', 'application/merge-patch+json').send(JSON.stringify(valid));
      expect(res.status).toBe(201);
    });

    it('answers malformed JSON with 400', async () => {
      const res = await http().post('/things').set('Content-Type', 'application/json').send('{"title": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'urn:problem-type:malformed-json', status: 400, detail: 'The request body is not valid JSON.' });
    });

    it('answers JSON nested deeper than 64 levels with 400 before validation walks it', async () => {
      const deep = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
      const res = await http().post('/things').set('Content-Type', 'application/json').send(deep);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'body', reason: 'must not nest deeper than 64 levels' }]);
      const arrays = await http().post('/things').set('Content-Type', 'application/json').send(`${'['.repeat(70)}${']'.repeat(70)}`);
      expect(arrays.status).toBe(400);
    });

    it('answers a body over the limit with 413', async () => {
      const res = await http().post('/things').send({ ...valid, title: 'x'.repeat(2048) });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ type: 'about:blank', title: 'Payload Too Large', status: 413 });
      expect(res.body.detail).toContain('1024 bytes');
    });

    it('answers a body that is not JSON with 415', async () => {
      const res = await http().post('/things').set('Content-Type', 'text/plain').send('title=x');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    });

    it('answers an unknown route with 404', async () => {
      const res = await http().get('/nowhere?secret=1');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/nowhere' });
    });

    it('maps a wrong expected version to 409 with the current version', async () => {
      const res = await http().get('/things/conflict');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: 'urn:problem-type:version-conflict', status: 409, currentVersion: 5 });
    });

    it('applies mappers that feature modules register', async () => {
      const res = await http().get('/things/quota');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ status: 422, detail: 'Quota exceeded.' });
    });

    it('sends a ProblemException as it is', async () => {
      const res = await http().get('/things/precondition');
      expect(res.status).toBe(428);
      expect(res.body).toMatchObject({ title: 'Precondition Required', detail: 'Send If-Match with the version you read.' });
    });

    it('answers an unexpected error with a generic 500 and logs it', async () => {
      const res = await http().get('/things/boom').set('X-Request-Id', 'boom-1');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        type: 'urn:problem-type:internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the requestId when you report it.',
        instance: '/things/boom',
        requestId: 'boom-1',
      });
      expect(res.text).not.toMatch(/secret_table|stack|at /);
      const logged = platform.logs.find((l) => l.requestId === 'boom-1' && l.level === 'error');
      expect((logged?.err as { stack?: string })?.stack).toContain('secret_table');
    });
  });

  describe('request context', () => {
    it('echoes the request id and uses it as the correlation id', async () => {
      const res = await http().get('/nowhere').set('X-Request-Id', 'req-123');
      expect(res.headers['x-request-id']).toBe('req-123');
      expect(res.headers['x-correlation-id']).toBe('req-123');
      expect(res.body.requestId).toBe('req-123');
    });

    it('generates a request id when none or a malformed one is sent, and keeps a given correlation id', async () => {
      const res = await http().get('/nowhere').set('X-Request-Id', 'bad id\twith spaces').set('X-Correlation-Id', 'corr-9');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-correlation-id']).toBe('corr-9');
    });

    it('gives the handler the actor and the event metadata of the request', async () => {
      const res = await http()
        .post('/things')
        .set('X-Request-Id', 'req-meta')
        .set('X-Correlation-Id', 'corr-meta')
        .set(bearer('kari', ['programme_office', 'director']))
        .send(valid);
      expect(res.status).toBe(201);
      const actor = { subject: 'kari', roles: ['programme_office', 'director'], organisationId: 'org-1' };
      expect(res.body.actor).toEqual(actor);
      expect(res.body.metadata).toEqual({ actor, correlationId: 'corr-meta', causationId: 'req-meta', requestId: 'req-meta', reason: 'because' });
    });

    it('falls back to the anonymous actor on a public route', async () => {
      const res = await http().post('/things').send(valid);
      expect(res.body.actor).toEqual({ subject: 'anonymous', roles: [], organisationId: null });
    });
  });

  describe('access guard', () => {
    it('lets a role its policy names through, and refuses others with 403', async () => {
      const res = await http().get('/guarded').set(bearer('dora', ['director']));
      expect(res.status).toBe(200);
      expect(res.body.actor).toEqual({ subject: 'dora', roles: ['director'], organisationId: 'org-1' });
      const refused = await http().get('/guarded').set(bearer('pia', ['programme_office']));
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses everyone a route that declares no policy, whatever their roles', async () => {
      const res = await http().get('/guarded/undeclared').set(bearer('root', ['programme_office', 'administrator', 'director', 'auditor']));
      expect(res.status).toBe(403);
      expect(res.body.detail).toContain('declares no access rule');
      expect((await http().get('/guarded/undeclared')).status).toBe(401);
    });

    it('answers 401 with WWW-Authenticate before anything else, and still 404 for an unknown route', async () => {
      const res = await http().get('/guarded').set('Authorization', 'Bearer x.y.z');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      expect((await http().get('/nowhere').set('Authorization', 'Bearer x.y.z')).status).toBe(404);
    });
  });

  describe('logging and headers', () => {
    it('writes one JSON access line per request with ids, route, status and duration, and no body', async () => {
      await http().post('/things').set('X-Request-Id', 'req-log').set(bearer('ola', [])).send({ ...valid, title: 'Personal Title' });
      await new Promise((resolve) => setImmediate(resolve));
      const lines = platform.logs.filter((l) => l.requestId === 'req-log');
      const access = lines.filter((l) => l.msg === 'request completed');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({ level: 'info', method: 'POST', route: '/things', path: '/things', status: 201, actor: 'ola', correlationId: 'req-log' });
      expect(typeof access[0].durationMs).toBe('number');
      expect(JSON.stringify(platform.logs)).not.toContain('Personal Title');
    });

    it("routes Nest's own logs through pino as JSON", () => {
      expect(platform.logs).toContainEqual(expect.objectContaining({ context: 'NestApplication', level: 'info' }));
    });

    it('sets hygiene headers and hides the framework', async () => {
      const res = await http().get('/things/conflict');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('OpenAPI', () => {
    it('serves the document with problem+json as the error schema', async () => {
      const res = await http().get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.info.title).toBe('Test API');
      expect(res.body.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
      expect(res.body.paths['/things'].post.responses.default.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
      expect(res.body.paths['/health/ready']).toBeUndefined();
    });

    it('serves Swagger UI at /docs', async () => {
      const res = await http().get('/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });
  });
});
