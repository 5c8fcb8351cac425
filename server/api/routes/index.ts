import fs from 'node:fs';
import path from 'node:path';
import type { RouteDef } from '../../http/route';

/**
 * Every folder here is one resource; its index.ts default-exports that resource's routes. Adding a
 * resource is adding a folder: nothing else needs to be edited.
 */
export function loadRoutes(): RouteDef[] {
  const routes: RouteDef[] = [];
  for (const entry of fs.readdirSync(__dirname, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, entry.name)) as { default?: RouteDef[] };
    if (!Array.isArray(mod.default)) throw new Error(`routes/${entry.name}/index.ts must default-export a RouteDef[]`);
    routes.push(...mod.default);
  }
  const ids = new Set<string>();
  for (const r of routes) {
    if (ids.has(r.id)) throw new Error(`duplicate route id ${r.id}`);
    ids.add(r.id);
  }
  return routes;
}
