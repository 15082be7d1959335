import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';

/**
 * No container engine runs where the tests run: these check the deployment files statically, against each other
 * and against the code (the entry points they start, the settings the service reads).
 */
const root = join(import.meta.dirname, '..', '..');
const infra = join(root, 'infra');
const read = (...path: string[]) => readFileSync(join(...path), 'utf8');

/** Every environment variable the service's configuration reads (the quoted UPPER_SNAKE names in its source). */
const configVariables = new Set([...read(root, 'libs/platform/config/platform-config.ts').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT)'/g)].map((m) => m[1]));
/** Set by the image for Node itself, not read by the service's configuration. */
const RUNTIME_VARIABLES = new Set(['NODE_ENV']);
const unknownVariables = (names: Iterable<string>) => [...names].filter((n) => !configVariables.has(n) && !RUNTIME_VARIABLES.has(n));

/** The compiled entry point a `node dist/….js` command starts must come from a source file that exists. */
const sourceOf = (compiled: string) => join(root, compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

const IMAGE = 'portfolio-governance';
const API = ['node', 'dist/apps/api/main.js'];
const MIGRATE = ['node', 'dist/apps/cli/main.js', 'migrate'];

interface Stage {
  readonly name: string;
  readonly lines: string[];
}

function dockerfileStages(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[1] ?? `stage${stages.length}`, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

describe('Dockerfile', () => {
  const text = read(infra, 'Dockerfile');
  const stages = dockerfileStages(text);
  const runtime = stages.at(-1)!;
  const instruction = (name: string) => runtime.lines.filter((l) => l.toUpperCase().startsWith(`${name} `));

  it('builds in stages and ships only the compiled code and production dependencies', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'production-dependencies', 'runtime']);
    expect(stages.find((s) => s.name === 'build')!.lines).toContain('RUN npm run build');
    expect(stages.find((s) => s.name === 'production-dependencies')!.lines.some((l) => /npm ci\b.*--omit=dev/.test(l))).toBe(true);
    const copies = instruction('COPY');
    expect(copies.some((l) => l.includes('--from=production-dependencies') && l.includes('/app/node_modules'))).toBe(true);
    expect(copies.some((l) => l.includes('--from=build') && l.includes('node_modules'))).toBe(false);
    expect(runtime.lines.some((l) => /npm (ci|install)/.test(l))).toBe(false);
  });

  it('runs as an unprivileged user', () => {
    const users = instruction('USER').map((l) => l.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  });

  it('checks its health on the liveness endpoint and starts the API that exists', () => {
    const healthcheck = instruction('HEALTHCHECK').join(' ');
    expect(healthcheck).toContain('/health/live');
    expect(healthcheck).toMatch(/--interval=\d+s/);
    const cmd = JSON.parse(instruction('CMD').at(-1)!.slice(4)) as string[];
    expect(cmd).toEqual(API);
    expect(existsSync(sourceOf(cmd[1]))).toBe(true);
    expect(existsSync(sourceOf(MIGRATE[1]))).toBe(true);
  });

  it('exposes the port the service listens on and sets only settings the service reads', () => {
    const env = Object.fromEntries([...instruction('ENV').join(' ').matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(instruction('EXPOSE').join(' ')).toContain(env.PORT);
    expect(unknownVariables(Object.keys(env))).toEqual([]);
  });

  it('keeps secrets, dependencies and build output out of the build context', () => {
    const ignored = read(infra, 'Dockerfile.dockerignore').split('\n').map((l) => l.trim());
    for (const pattern of ['**/node_modules', 'dist', '.git', '**/.env', 'data']) expect(ignored).toContain(pattern);
    for (const copied of ['apps', 'libs', 'package.json', 'package-lock.json', 'tsconfig.build.json']) expect(ignored).not.toContain(copied);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read(infra, 'compose.yaml'), { merge: true }) as { services: Record<string, Record<string, any>> };
  const services = compose.services;
  const built = Object.entries(services).filter(([, s]) => s.build);

  it('runs PostgreSQL, a migration, two API replicas, and KurrentDB only under its profile', () => {
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.api.deploy.replicas).toBe(2);
    expect(services.api.deploy.resources.limits).toMatchObject({ cpus: expect.any(String), memory: expect.any(String) });
    expect(services.api.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(services.migrate.command).toEqual(MIGRATE);
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
    expect(services.kurrentdb.profiles).toEqual(['kurrentdb']);
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'kurrentdb' && name !== 'api-kurrentdb') expect(service.profiles).toBeUndefined();
    }
  });

  it('builds one image from the Dockerfile and names it the same everywhere', () => {
    expect(built.map(([name]) => name).sort()).toEqual(['api', 'api-kurrentdb', 'migrate']);
    for (const [, service] of built) {
      expect(service.build).toEqual({ context: '..', dockerfile: 'infra/Dockerfile' });
      expect(service.image.split(':')[0]).toBe(IMAGE);
      expect(existsSync(join(infra, service.build.context, service.build.dockerfile))).toBe(true);
    }
    expect(new Set(built.map(([, s]) => s.image)).size).toBe(1);
  });

  it('checks the API replicas readiness', () => {
    expect(services.api.healthcheck.test.join(' ')).toContain('/health/ready');
  });

  it('gives the service only settings it reads, each defined in .env.example', () => {
    expect(built.length).toBe(3);
    for (const [, service] of built) expect(unknownVariables(Object.keys(service.environment))).toEqual([]);
    const example = new Set([...read(infra, '.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const referenced = [...read(infra, 'compose.yaml').matchAll(/\$\{([A-Z_]+)(?::?[-?][^}]*)?\}/g)].map((m) => m[1]);
    expect(referenced.filter((name) => !example.has(name))).toEqual([]);
    expect(unknownVariables([...example].filter((n) => !n.startsWith('POSTGRES_') && n !== 'API_PORTS'))).toEqual([]);
  });
});

describe('Kubernetes manifests', () => {
  const dir = join(infra, 'k8s');
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(read(dir, file)).map((d) => ({ file, doc: d.toJS() as Record<string, any> })));
  const ofKind = (kind: string) => documents.filter((d) => d.doc.kind === kind).map((d) => d.doc);
  const deployment = ofKind('Deployment')[0];
  const job = ofKind('Job')[0];
  const configMap = ofKind('ConfigMap')[0];
  const podSpecs = [deployment.spec.template.spec, job.spec.template.spec];
  const containers = podSpecs.flatMap((spec) => spec.containers as Record<string, any>[]);

  it('parses, and every document has an apiVersion, a kind and a name', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    for (const { file, doc } of documents) {
      expect({ file, apiVersion: typeof doc.apiVersion, kind: typeof doc.kind }).toEqual({ file, apiVersion: 'string', kind: 'string' });
      if (doc.kind !== 'Kustomization') expect(typeof doc.metadata.name).toBe('string');
    }
  });

  it('kustomization applies files that exist, and never the example Secret', () => {
    const kustomization = ofKind('Kustomization')[0];
    for (const resource of kustomization.resources) expect(existsSync(join(dir, resource))).toBe(true);
    expect(kustomization.resources).not.toContain('secret.example.yaml');
    expect(kustomization.images.map((i: { name: string }) => i.name)).toEqual([IMAGE]);
  });

  it('probes liveness and readiness on the health endpoints of the port the container declares', () => {
    const [api] = deployment.spec.template.spec.containers;
    const portNames = api.ports.map((p: { name: string }) => p.name);
    expect(api.livenessProbe.httpGet.path).toBe('/health/live');
    expect(api.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(api.startupProbe.httpGet.path).toBe('/health/live');
    for (const probe of [api.livenessProbe, api.readinessProbe, api.startupProbe]) expect(portNames).toContain(probe.httpGet.port);
    expect(api.ports[0].containerPort).toBe(Number(configMap.data.PORT));
    expect(api.command).toEqual(API);
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    // the drain deadline of the service must end before Kubernetes kills the pod
    expect(Number(configMap.data.SHUTDOWN_TIMEOUT_MS)).toBeLessThan(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000);
  });

  it('limits the resources of every container and runs each as non-root without privilege escalation', () => {
    for (const container of containers) {
      expect(container.resources.requests).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
      expect(container.resources.limits).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    }
    for (const spec of podSpecs) expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
    for (const spec of podSpecs) expect(spec.securityContext.runAsUser).not.toBe(0);
  });

  it('uses one image, the Secret by reference, and settings the service reads', () => {
    for (const container of containers) expect(container.image).toBe(IMAGE);
    const secretName = ofKind('Secret')[0].metadata.name;
    for (const container of containers) {
      const database = container.env.find((e: { name: string }) => e.name === 'DATABASE_URL');
      expect(database.valueFrom.secretKeyRef).toEqual({ name: secretName, key: 'DATABASE_URL' });
      expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    }
    expect(unknownVariables(Object.keys(configMap.data))).toEqual([]);
  });

  it('migrates with the CLI on the built image, once, before the rollout', () => {
    const [migrate] = job.spec.template.spec.containers;
    expect(migrate.command).toEqual(MIGRATE);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimit).toBeGreaterThanOrEqual(1);
  });

  it('routes the Service to the API pods', () => {
    const service = ofKind('Service')[0];
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);
    const portNames = deployment.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name);
    expect(portNames).toContain(service.spec.ports[0].targetPort);
  });
});
