import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/errors';
import { httpStatusOf } from '../http/error-status';
import { requestIdsOf } from '../http/request-id';
import { uploadOf } from '../http/body-limits';
import type { RouteDef } from '../http/route';
import type { RequestContext } from '../context';
import { tokensEqual } from './csrf';
import { loadSession, sessionToken } from './session';
import { ROLE_LABEL, TEMPLATES_DIR, views, wrapTables } from './render';
import { breadcrumbs, CrumbParent } from './breadcrumbs';
import { PageCall, PageDef } from './types';
import authPages from './pages/auth';
import dashboardPages from './pages/dashboard';
import ledgerPages from './pages/ledger';
import reportPages from './pages/reports';
import adminPages from './pages/admin';
import apiTokenPages from './pages/api-tokens';
import yearPages from './pages/years';
import consignmentPages from './pages/consignments';
import grantRequestPages from './pages/grant-requests';
import inspectionPages from './pages/inspections';
import findingPages from './pages/finding-pages';
import evaluationPages from './pages/evaluations';
import listPages from './pages/lists';
import importPages from './pages/imports';

export type { PageDef } from './types';

/** Every page and form action of the web UI, with the roles allowed: the role-matrix test walks this table. */
export function pageRoutes(): PageDef[] {
  return [
    ...authPages,
    ...dashboardPages,
    ...ledgerPages,
    ...consignmentPages,
    ...grantRequestPages,
    ...evaluationPages,
    ...inspectionPages,
    ...findingPages,
    ...reportPages,
    ...importPages,
    ...adminPages,
    ...yearPages,
    ...apiTokenPages,
    ...listPages,
  ];
}

type WebRequest = Request & { ctx?: RequestContext };

/**
 * Mounts the server-rendered pages (before the /api router). A browser session also authenticates
 * GET /api/* calls (report downloads by link, the JSON the pages link to) by putting the actor on
 * req.ctx; a state-changing API call made from a browser session gets no actor and so still needs a
 * bearer token — the API has no CSRF defence of its own, so cookies must never authorise a write.
 */
export function mountWeb(app: express.Express, ds: DataSource, _routes: RouteDef[]): void {
  const pages = pageRoutes();
  const web = express.Router();
  // the Korean web font: WOFF2 subsets of the PDFs' Noto Sans KR (npm run build:font), versioned by ?v= in site.css
  web.get('/static/fonts/:file', (req: Request, res: Response, next: NextFunction) => {
    const name = String(req.params.file);
    if (!/^NotoSansKR-(Regular|Bold)\.subset\.woff2$/.test(name)) return next();
    const file = path.join(TEMPLATES_DIR, 'static', 'fonts', name);
    res.sendFile(file, { maxAge: '365d', immutable: true, headers: { 'Content-Type': 'font/woff2' } });
  });
  web.use('/static', express.static(path.join(TEMPLATES_DIR, 'static'), { maxAge: '1h', index: false }));
  web.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  // the import page's upload (its CSRF token travels as a field of the multipart form)
  web.post('/imports/preview', uploadOf('file'));

  for (const page of pages) {
    // a form with a file is read (multipart) before the CSRF token in it is checked
    if (page.upload) web.post(page.path, uploadOf(page.upload));
    web[page.method](page.path, async (req: WebRequest, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      const ids = requestIdsOf(req);
      const live = await loadSession(ds, sessionToken(req)).catch((err: unknown) => {
        next(err);
        return undefined;
      });
      if (live === undefined) return;
      const render = (view: string, data: Record<string, unknown> = {}, status = 200) => {
        const nav = live
          ? pages
              .filter((p) => p.nav && p.method === 'get' && p.roles !== 'public' && p.roles.includes(live.user.role))
              .map((p) => ({
                href: p.path,
                label: p.nav,
                current: req.path === p.path || (p.path !== '/' && req.path.startsWith(`${p.path}/`)),
              }))
          : [];
        const html = wrapTables(
          views().render(view, {
            user: live?.user ?? null,
            roleLabel: live ? ROLE_LABEL[live.user.role] : null,
            csrf: live?.session.csrfSecret ?? '',
            nav,
            crumbs: live
              ? breadcrumbs(pages, req.path, typeof data.title === 'string' ? data.title : undefined, {
                  parent: data.crumbParent as CrumbParent | undefined,
                  year: data.year,
                })
              : [],
            ...data,
          }),
        );
        res.status(status).type('html').send(html);
      };
      const ctx: RequestContext = live
        ? { actor: live.actor, ...ids }
        : { actor: { id: null, name: 'anonymous', role: 'system', orgUnitId: null }, ...ids };
      const call: PageCall = { req, res, ds, ctx, user: live?.user ?? null, csrf: live?.session.csrfSecret ?? '', render };
      try {
        if (page.roles !== 'public') {
          if (!live) {
            if (page.method === 'get') return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
            return render(
              'error.njk',
              { title: '로그인이 필요합니다', message: '세션이 만료되었습니다. 다시 로그인하십시오.', status: 401 },
              401,
            );
          }
          if (!page.roles.includes(live.user.role)) {
            return render('error.njk', { title: '권한이 없습니다', message: '이 화면은 현재 역할로 열 수 없습니다.', status: 403 }, 403);
          }
          if (page.method === 'post' && !tokensEqual((req.body as Record<string, unknown>)?._csrf, live.session.csrfSecret)) {
            return render(
              'error.njk',
              {
                title: '요청을 확인할 수 없습니다',
                message: '보안 토큰이 맞지 않습니다. 화면을 새로 고친 뒤 다시 시도하십시오.',
                status: 403,
              },
              403,
            );
          }
          req.ctx = ctx;
        }
        await page.handler(call);
      } catch (err) {
        if (err instanceof DomainError) {
          return render(
            'error.njk',
            // each message once, and not again when it is the title
            {
              title: err.titleKo,
              message: [...new Set(err.errors.map((e) => e.message_ko))].filter((m) => m !== err.titleKo).join(' '),
              status: httpStatusOf(err),
            },
            httpStatusOf(err),
          );
        }
        console.error('web page error', err);
        if (!res.headersSent)
          render('error.njk', { title: '오류가 발생했습니다', message: '잠시 후 다시 시도하십시오.', status: 500 }, 500);
      }
    });
  }

  // a browser session may read the API (GET/HEAD only)
  const apiSession = async (req: WebRequest, _res: Response, next: NextFunction) => {
    try {
      if ((req.method === 'GET' || req.method === 'HEAD') && !req.header('Authorization')) {
        const live = await loadSession(ds, sessionToken(req));
        if (live) req.ctx = { actor: live.actor, ...requestIdsOf(req) };
      }
      next();
    } catch (err) {
      next(err);
    }
  };

  const notFound = (_req: Request, res: Response) => {
    res
      .status(404)
      .type('html')
      .send(
        views().render('error.njk', {
          title: '페이지를 찾을 수 없습니다',
          message: '주소를 확인하십시오.',
          status: 404,
          user: null,
          nav: [],
        }),
      );
  };

  app.use(cookieParser());
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) return void apiSession(req, res, next);
    if (req.path === '/healthz') return next();
    web(req, res, (err?: unknown) => (err ? next(err) : req.method === 'GET' || req.method === 'HEAD' ? notFound(req, res) : next()));
  });
}
