import { DomainError } from '../../../domain/errors';
import { httpStatusOf } from '../../http/error-status';
import { EVERYONE } from '../../access/roles';
import { ReportQuery } from '../../app/reports/requests';
import { reportChoices } from '../../queries/dashboard/dashboard';
import { validateInput } from '../../requests/validation';
import { buildPacket, buildReport, ReportParams, reportDefinitions } from '../../../reports/registry';
import { ReportModel } from '../../../reports/engine/model';
import { PageDef } from '../types';
import { pickYear } from './common';
import { previewView } from './report-preview';
import { reportUnit } from '../../queries/reports/file-names';

/** The catalogue's groups: by what a report is about (its required parameters), and the council packet. */
const REPORT_GROUPS: Record<string, string> = { ledger: '예산·결산', consignment: '민간위탁', packet: '의회 제출 자료 묶음' };
const groupOf = (d: { required: string[]; optional?: string[] }) =>
  d.required.includes('consignment') || (d.optional ?? []).includes('consignment') ? 'consignment' : 'ledger';

function paramsQuery(p: ReportParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

const pages: PageDef[] = [
  {
    id: 'web.reports.catalogue',
    method: 'get',
    path: '/reports',
    roles: EVERYONE,
    nav: '보고서',
    handler: async ({ req, ds, user, render }) => {
      const em = ds.manager;
      const { year, years } = await pickYear(em, req.query.year);
      const scoped = user!.role === 'budget_officer' || user!.role === 'inspector';
      const { orgs, consignments } = await reportChoices(em);
      const org = typeof req.query.org === 'string' && orgs.some((o) => o.code === req.query.org) ? req.query.org : '';
      const consignment =
        typeof req.query.consignment === 'string' && consignments.some((c) => c.code === req.query.consignment)
          ? req.query.consignment
          : '';
      const params: ReportParams = { year: year ?? undefined, org: org || undefined, consignment: consignment || undefined };
      // the catalogue's own filters (title search, group) live in the URL with the parameters, so going back keeps them
      const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 100) : '';
      const group = typeof req.query.group === 'string' && req.query.group in REPORT_GROUPS ? req.query.group : '';
      const defs = [...reportDefinitions().values()]
        .filter((d) => d.roles.includes(user!.role))
        .filter((d) => !q || d.title.includes(q))
        .filter((d) => !group || groupOf(d) === group || (group === 'packet' && d.inPacket))
        .sort((a, b) => a.title.localeCompare(b.title, 'ko'));
      const reports = defs.map((d) => {
        const missing = d.required.filter((p) => params[p] === undefined);
        const own: ReportParams = {};
        for (const p of [...d.required, ...(d.optional ?? [])])
          if (params[p] !== undefined) (own as Record<string, unknown>)[p] = params[p];
        const query = paramsQuery(own);
        return { name: d.name, title: d.title, groupKo: REPORT_GROUPS[groupOf(d)], inPacket: !!d.inPacket, missing, query };
      });
      render('reports.njk', {
        title: '보고서',
        year,
        years,
        scoped,
        orgs: orgs
          .filter((o) => o.level !== 'team')
          .map((o) => ({ code: o.code, label: o.level === 'bureau' ? `${o.name} (실·국)` : o.name })),
        org,
        consignments: consignments.map((c) => ({ code: c.code, name: c.name })),
        consignment,
        reports,
        q,
        group,
        groups: Object.entries(REPORT_GROUPS).map(([value, label]) => ({ value, label })),
        packetQuery: year && org ? paramsQuery({ year, org }) : null,
      });
    },
  },
  {
    id: 'web.reports.preview',
    method: 'get',
    path: '/reports/:name',
    roles: EVERYONE,
    handler: async ({ req, ds, ctx, render }) => {
      const name = String(req.params.name);
      if (!/^[a-z0-9-]{1,60}$/.test(name)) throw new DomainError('not_found', 'unknown_report', 'No such report', '보고서가 없습니다');
      const { format: _f, ...rest } = req.query as Record<string, unknown>;
      const query = await validateInput(ReportQuery, rest, 'query');
      const { format: _ff, ...params } = query;
      let models: ReportModel[];
      try {
        models = name === 'packet' ? await buildPacket(ds.manager, params, ctx) : [await buildReport(ds.manager, name, params, ctx)];
      } catch (err) {
        if (err instanceof DomainError && (err.kind === 'malformed' || err.kind === 'invalid')) {
          return render(
            'error.njk',
            { title: err.titleKo, message: err.errors.map((e) => e.message_ko).join(' '), status: httpStatusOf(err), back: '/reports' },
            httpStatusOf(err),
          );
        }
        throw err;
      }
      const q = paramsQuery(params);
      render('report.njk', {
        title: name === 'packet' ? '의회 제출 자료 묶음' : (models[0]?.title ?? name),
        name,
        ...previewView(name, models, params, (await reportUnit(ds.manager, params))?.name),
        // the breadcrumb back to the catalogue keeps its filters
        crumbParent: {
          href: `/reports?${paramsQuery({ year: params.year, org: params.org, consignment: params.consignment })}`,
          label: '보고서',
        },
        xlsx: `/api/reports/${name}?${q}${q ? '&' : ''}format=xlsx`,
        pdf: `/api/reports/${name}?${q}${q ? '&' : ''}format=pdf`,
      });
    },
  },
];

export default pages;
