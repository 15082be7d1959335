import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_POLICY, type RoutePolicy } from '../../libs/platform/index.js';

export interface DeclaredRoute {
  /** `GET /v1/proposals/:id` */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  /** The `@Allow`/`@Public` policy, undefined when the route declares none. */
  readonly policy: RoutePolicy | undefined;
}

/** Every route of every controller the app registered, read from Nest's metadata (so new endpoints are included). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const scanner = new MetadataScanner();
  const routes = new Map<string, DeclaredRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name] as object;
        const subPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (subPaths === undefined || requestMethod === undefined) continue;
        const policy = (Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, type)) as RoutePolicy | undefined;
        for (const prefix of prefixes) {
          for (const sub of ([] as string[]).concat(subPaths)) {
            const path = `/${[prefix, sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
            const method = RequestMethod[requestMethod];
            const key = `${method} ${path}`;
            routes.set(key, { key, method, path, controller: type.name, handler: name, policy });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}
