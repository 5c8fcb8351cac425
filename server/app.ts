import express from 'express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadRoutes } from './api/routes';
import { bearerAuth } from './http/authenticate';
import { mountRoutes, RouteDef } from './http/route';
import { buildOpenApi } from './http/openapi';
import { problemHandler, sendProblem } from './http/problem';
import { requestIds } from './http/request-id';
import { jsonBodies, uploadOf } from './http/body-limits';
import { trustProxySetting } from './http/trust-proxy';
import { DomainError } from '../domain/errors';

export interface AppOptions {
  /** mount the server-rendered pages (server/web) — on by default */
  web?: boolean;
}

export interface App {
  app: express.Express;
  routes: RouteDef[];
}

export function createApp(ds: DataSource, options: AppOptions = {}): App {
  const app = express();
  app.disable('x-powered-by');
  // Answers are computed per request (live figures, a CSRF token in every page): hashing each body
  // for an ETag buys a 304 that never comes. Static files keep their own ETags.
  app.set('etag', false);
  // the client's address (login budgets, the log) is the peer's unless TRUST_PROXY names it a proxy
  app.set('trust proxy', trustProxySetting(process.env.TRUST_PROXY));
  app.use(requestIds);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } }));

  const routes = loadRoutes();
  const openApi = buildOpenApi(routes);
  const upload = uploadOf('file');

  app.get('/api/openapi.json', (_req, res) => res.json(openApi));
  app.get('/healthz', (_req, res) => res.json({ ok: true }));

  const web = path.join(__dirname, 'web', 'index.ts');
  const webJs = path.join(__dirname, 'web', 'index.js');
  if (options.web !== false && (fs.existsSync(web) || fs.existsSync(webJs))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { mountWeb } = require('./web') as { mountWeb: (app: express.Express, ds: DataSource, routes: RouteDef[]) => void };
    mountWeb(app, ds, routes);
  }

  const api = express.Router();
  api.use(...jsonBodies());
  api.use(bearerAuth(ds));
  mountRoutes(api, ds, routes, { upload });
  api.use((req, res) =>
    sendProblem(res, new DomainError('not_found', 'no_such_route', 'No such API route', '없는 API 경로입니다'), req.originalUrl),
  );
  app.use('/api', api);
  app.use(problemHandler);
  return { app, routes };
}
