import { expect } from 'chai';
import supertest from 'supertest';
import { ROLES, Role, User, ApiToken } from '../../entities/user';
import { sha256 } from '../../server/auth/passwords';
import type { RouteDef } from '../../server/http/route';
import { testApp, TestApp } from '../support/app';

/**
 * The route × role matrix extended to rows: for every GET route of the route table, each role in
 * each department sees exactly its rows. The routes come from the route table (t.routes); each one
 * must have an expectation below, so a new list or lookup cannot be added without saying how it is
 * scoped. The departments come from the data (every unit that owns a program-year, a consignment or a
 * revenue line, the bureaus above them, and a department that owns nothing), with a budget officer
 * and an inspector created in each; who owns what is computed here from the tables, not by the
 * service's own code.
 */

type Row = Record<string, unknown>;
type Answer = { status: number; body: unknown };

/** What the test knows of the data, read with SQL. */
interface Fixture {
  /** the department that owns each program-year now (its own, or the target of its latest whole-program 이체 not reversed) */
  pyOwner: Map<number, number>;
  /** the program-years looked up one by one: one per owning department and every moved one */
  pyIds: number[];
  /** consignment id → owning department */
  consignmentOwner: Map<number, number>;
  consignments: { id: number; code: string; owner: number }[];
  years: number[];
  evaluationIds: number[];
  indicatorIds: number[];
  inspectionIds: number[];
  findingIds: number[];
  /** the first template version's id of each kind */
  evaluationTemplateId: number;
  inspectionTemplateVersionId: number;
  /** a department and a bureau that own program-years, for settlement queries */
  orgCodes: string[];
}

/** A list: rows answered for `query`, each owned by some units (a row is the caller's when one of them is within its department). */
interface RowList {
  queries: (f: Fixture) => string[];
  rows: (body: unknown) => Row[];
  owners: (f: Fixture, row: Row) => (number | null | undefined)[];
}

/** One parent's rows (a consignment's, a program-year's): the parent's department and unscoped roles get them, others 403. */
interface ParentQuery {
  queries: (f: Fixture) => { query: string; owner: number }[];
}

type Expectation =
  /** not department data: every admitted caller gets the same answer */
  | { kind: 'reference'; why: string; queries?: (f: Fixture) => string[] }
  /** only administrators are admitted; administrators are not department-scoped */
  | { kind: 'admin-only'; why: string }
  /** varies by role (e.g. which reports a role may read), never by department */
  | { kind: 'by-role'; why: string; queries?: (f: Fixture) => string[] }
  /** department data: filtered row by row, or refused per parent */
  | { kind: 'department'; list?: RowList; parent?: ParentQuery };

const items = (body: unknown): Row[] => (Array.isArray(body) ? (body as Row[]) : ((body as { items: Row[] }).items ?? []));
const byConsignment = (f: Fixture): { query: string; owner: number }[] =>
  f.consignments.map((c) => ({ query: `consignment=${encodeURIComponent(c.code)}`, owner: c.owner }));

/** every GET route of the route table, by id: a new one fails the first test until it is added here */
const EXPECTATIONS: Record<string, Expectation> = {
  'audit-records.list': { kind: 'admin-only', why: 'the audit trail is for administrators' },
  'users.list': { kind: 'admin-only', why: 'user accounts are for administrators' },
  'fiscal-years.list': { kind: 'reference', why: 'the calendar of fiscal years' },
  'org-units.list': { kind: 'reference', why: 'the organisation chart' },
  'accounts.list': { kind: 'reference', why: 'the accounts (회계) of the government' },
  'rule-versions.list': { kind: 'reference', why: 'dated rules apply to every department' },
  'operators.list': { kind: 'reference', why: '수탁기관 are outside organisations, not department rows' },
  'programs.list': { kind: 'reference', why: 'program codes (no department: a program-year has one)' },
  'evaluation-templates.list': { kind: 'reference', why: 'templates are reference data' },
  'evaluation-templates.get': { kind: 'reference', why: 'templates are reference data', queries: (f) => [`:${f.evaluationTemplateId}`] },
  'inspectionTemplates.list': { kind: 'reference', why: 'templates are reference data' },
  'inspectionTemplates.getVersion': {
    kind: 'reference',
    why: 'templates are reference data',
    queries: (f) => [`:${f.inspectionTemplateVersionId}`],
  },
  'imports.template': { kind: 'reference', why: 'a blank workbook' },
  'imports.jobs.read': {
    kind: 'by-role',
    why: 'an import job is answered only to the user who started it (or an administrator); any other id is 404 alike',
    queries: () => [':00000000-0000-0000-0000-000000000000'],
  },
  'reports.list': { kind: 'by-role', why: 'the catalogue lists the reports a role may read' },
  'ledger.settlement': {
    kind: 'reference',
    why: '세출결산 is the public settlement as submitted to the council (README: settlement reports stay readable across departments)',
    queries: (f) => f.orgCodes.map((o) => `year=2018&org=${encodeURIComponent(o)}`),
  },
  'reports.get': {
    kind: 'by-role',
    why: 'ledger reports are the public settlement figures; consignment and inspection reports check the department in their builders (see their own tests)',
    queries: (f) => f.orgCodes.map((o) => `:expenditure-settlement?year=2018&org=${encodeURIComponent(o)}`),
  },
  'ledger-entries.list': {
    kind: 'department',
    list: {
      queries: (f) => ['pageSize=500', ...f.years.map((y) => `year=${y}&pageSize=500`)],
      rows: items,
      owners: (f, r) => [f.pyOwner.get(Number(r.programYearId))],
    },
    parent: { queries: (f) => f.pyIds.map((id) => ({ query: `programYearId=${id}&pageSize=500`, owner: f.pyOwner.get(id)! })) },
  },
  'program-years.list': {
    kind: 'department',
    list: {
      queries: (f) => f.years.map((y) => `year=${y}&pageSize=500`),
      rows: items,
      owners: (f, r) => [f.pyOwner.get(Number(r.id))],
    },
  },
  'program-years.get': {
    kind: 'department',
    parent: { queries: (f) => f.pyIds.map((id) => ({ query: `:${id}`, owner: f.pyOwner.get(id)! })) },
  },
  'transfers.list': {
    kind: 'department',
    list: {
      queries: (f) => f.years.map((y) => `year=${y}&asOf=2030-01-01&pageSize=500`),
      rows: items,
      owners: (f, r) => [
        f.pyOwner.get(Number(r.fromProgramYearId)),
        f.pyOwner.get(Number(r.toProgramYearId)),
        r.fromOrgUnitId as number | null,
        r.toOrgUnitId as number | null,
      ],
    },
  },
  'revenue.list': {
    kind: 'department',
    list: { queries: (f) => f.years.map((y) => `year=${y}`), rows: items, owners: (_, r) => [r.orgUnitId as number] },
  },
  'consignments.list': {
    kind: 'department',
    list: { queries: () => [''], rows: items, owners: (f, r) => [f.consignmentOwner.get(Number(r.id))] },
  },
  'consignments.get': {
    kind: 'department',
    parent: { queries: (f) => f.consignments.map((c) => ({ query: `:${c.code}`, owner: c.owner })) },
  },
  'consignments.grant-status': {
    kind: 'department',
    parent: { queries: (f) => f.consignments.map((c) => ({ query: `:${c.code}?year=2025`, owner: c.owner })) },
  },
  'grant-plans.list': { kind: 'department', parent: { queries: byConsignment } },
  'disbursements.list': { kind: 'department', parent: { queries: byConsignment } },
  'consignment-settlements.list': { kind: 'department', parent: { queries: byConsignment } },
  'operator-entries.list': { kind: 'department', parent: { queries: byConsignment } },
  'evaluations.list': { kind: 'department', parent: { queries: byConsignment } },
  'performance-indicators.list': { kind: 'department', parent: { queries: byConsignment } },
  'renewal-verdicts.get': { kind: 'department', parent: { queries: byConsignment } },
  'findings.repeatChains': {
    kind: 'department',
    parent: { queries: (f) => [...f.consignmentOwner].map(([id, owner]) => ({ query: `consignmentId=${id}`, owner })) },
  },
  'inspections.list': {
    kind: 'department',
    list: { queries: () => ['pageSize=500'], rows: items, owners: (f, r) => [f.consignmentOwner.get(Number(r.consignmentId))] },
  },
  'findings.register': {
    kind: 'department',
    list: {
      queries: () => ['pageSize=500', 'asOf=2030-01-01&pageSize=500'],
      rows: items,
      owners: (f, r) => [f.consignmentOwner.get(Number(r.consignmentId))],
    },
  },
  'evaluations.get': { kind: 'department', parent: { queries: (f) => lookups(f, f.evaluationIds, 'evaluations') } },
  'performance-indicators.get': {
    kind: 'department',
    parent: { queries: (f) => lookups(f, f.indicatorIds, 'performance_indicators') },
  },
  'inspections.get': { kind: 'department', parent: { queries: (f) => lookups(f, f.inspectionIds, 'inspections') } },
  'findings.get': { kind: 'department', parent: { queries: (f) => lookups(f, f.findingIds, 'findings') } },
  'findings.attachment': { kind: 'department', parent: { queries: (f) => lookups(f, f.findingIds.slice(0, 1), 'findings') } },
  'grantRequests.list': {
    kind: 'department',
    list: {
      queries: (f) => ['', ...f.years.map((y) => `year=${y}`)],
      rows: items,
      owners: (f, r) => [f.consignmentOwner.get(Number(r.consignmentId))],
    },
  },
  'api-tokens.list': { kind: 'admin-only', why: 'integration tokens are issued by administrators' },
  'fiscal-years.carry-over': { kind: 'admin-only', why: 'the closing (and what it will carry) is a step of administrators' },
};

/** lookups of rows owned through their consignment (ids with their consignment's department, read into `ownerOfRow`) */
const rowOwners = new Map<string, Map<number, number>>();
const lookups = (_f: Fixture, ids: number[], table: string) =>
  ids.map((id) => ({ query: `:${id}`, owner: rowOwners.get(table)!.get(id)! }));

interface Caller {
  label: string;
  role: Role;
  /** the caller's department and every unit under it; null: not scoped */
  units: Set<number> | null;
  token: string;
}

describe('department rows: every GET route × every role in every department sees exactly its rows', function () {
  this.timeout(600_000);
  let t: TestApp;
  let f: Fixture;
  const callers: Caller[] = [];

  const num = (v: unknown) => Number(v);
  const sql = async (q: string, p: unknown[] = []) => (await t.ds.query(q, p)) as Row[];

  before(async () => {
    t = await testApp();
    // one 조치 결과 with an attachment, so the attachment route has a row to answer (or refuse) per department
    const firstFinding = num((await sql('SELECT MIN(id) AS id FROM inspection_findings'))[0].id);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await t
      .as('inspector')
      .post(`/api/findings/${firstFinding}/action-report`)
      .field('reportedOn', '2021-05-04')
      .field('actionReport', '게시 화면 캡처')
      .attach('file', png, { filename: 'capture.png' })
      .expect(201);
    const units = await sql('SELECT id, parent_id, level FROM org_units ORDER BY id');
    const children = new Map<number, number[]>();
    for (const u of units) if (u.parent_id !== null) children.set(num(u.parent_id), [...(children.get(num(u.parent_id)) ?? []), num(u.id)]);
    const subtree = (root: number): Set<number> => {
      const out = new Set<number>();
      const stack = [root];
      while (stack.length) {
        const id = stack.pop()!;
        if (!out.has(id)) (out.add(id), stack.push(...(children.get(id) ?? [])));
      }
      return out;
    };
    const pys = await sql('SELECT id, org_unit_id FROM program_years ORDER BY id');
    const moves = await sql(
      `SELECT id, from_program_year_id AS py, to_org_unit_id AS target, reversal_of_id AS rev FROM budget_transfers
       WHERE kind = 'org' AND from_program_year_id = to_program_year_id ORDER BY transfer_date, id`,
    );
    const reversed = new Set(moves.filter((m) => m.rev !== null).map((m) => num(m.rev)));
    const pyOwner = new Map<number, number>();
    for (const py of pys) {
      const live = moves.filter((m) => num(m.py) === num(py.id) && m.rev === null && !reversed.has(num(m.id)));
      pyOwner.set(num(py.id), live.length ? num(live[live.length - 1].target) : num(py.org_unit_id));
    }
    const consignments = await sql('SELECT id, code, org_unit_id FROM consignments ORDER BY id');
    const consignmentOwner = new Map(consignments.map((c) => [num(c.id), num(c.org_unit_id)]));
    const viaConsignment = async (table: string, q: string) => {
      const rows = await sql(q);
      rowOwners.set(table, new Map(rows.map((r) => [num(r.id), consignmentOwner.get(num(r.cid))!])));
      return rows.map((r) => num(r.id));
    };
    const owning = new Set<number>([
      ...pyOwner.values(),
      ...pys.map((p) => num(p.org_unit_id)),
      ...consignmentOwner.values(),
      ...(await sql('SELECT DISTINCT org_unit_id FROM revenue_lines')).map((r) => num(r.org_unit_id)),
    ]);
    const parents = units.filter((u) => owning.has(num(u.id)) && u.parent_id !== null).map((u) => num(u.parent_id));
    const idle = units.find((u) => u.level === 'department' && !owning.has(num(u.id)) && !parents.includes(num(u.id)));
    const departments = [...new Set([...owning, ...parents, ...(idle ? [num(idle.id)] : [])])].sort((a, b) => a - b);
    f = {
      pyOwner,
      // one program-year per owning department, and every one a whole-program 이체 moved (owner ≠ its own department)
      pyIds: pys
        .filter(
          (p, i) =>
            pys.findIndex((q) => pyOwner.get(num(q.id)) === pyOwner.get(num(p.id))) === i || pyOwner.get(num(p.id)) !== num(p.org_unit_id),
        )
        .map((p) => num(p.id)),
      consignmentOwner,
      consignments: consignments.map((c) => ({ id: num(c.id), code: String(c.code), owner: num(c.org_unit_id) })),
      years: (await sql('SELECT DISTINCT fiscal_year FROM program_years ORDER BY fiscal_year')).map((r) => num(r.fiscal_year)),
      evaluationIds: await viaConsignment('evaluations', 'SELECT id, consignment_id AS cid FROM evaluations ORDER BY id'),
      indicatorIds: await viaConsignment(
        'performance_indicators',
        'SELECT id, consignment_id AS cid FROM performance_indicators ORDER BY id',
      ),
      inspectionIds: await viaConsignment('inspections', 'SELECT id, consignment_id AS cid FROM inspections ORDER BY id'),
      findingIds: await viaConsignment(
        'findings',
        'SELECT f.id, i.consignment_id AS cid FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id ORDER BY f.id',
      ),
      evaluationTemplateId: num((await sql('SELECT MIN(id) AS id FROM evaluation_templates'))[0].id),
      inspectionTemplateVersionId: num((await sql('SELECT MIN(id) AS id FROM inspection_template_versions'))[0].id),
      orgCodes: (await sql('SELECT code FROM org_units WHERE id IN (SELECT org_unit_id FROM program_years WHERE fiscal_year = 2018)')).map(
        (r) => String(r.code),
      ),
    };
    const bureau = units.find((u) => u.level === 'bureau' && parents.includes(num(u.id)));
    if (bureau) f.orgCodes.push(String((await sql('SELECT code FROM org_units WHERE id = ?', [bureau.id]))[0].code));

    // a budget officer and an inspector in every department; council staff and an administrator
    const users = t.ds.getRepository(User);
    const tokens = t.ds.getRepository(ApiToken);
    const add = async (role: Role, unit: number | null) => {
      const username = `rows-${role}-${unit ?? 'none'}`;
      const user = await users.save(
        users.create({
          username,
          displayName: username,
          role,
          orgUnitId: unit,
          passwordHash: 'disabled',
          active: true,
          createdAt: new Date(),
        }),
      );
      const token = `rows-token-${username}`;
      await tokens.save(
        tokens.create({ userId: user.id, tokenHash: sha256(token), label: 'rows test', createdAt: new Date(), revokedAt: null }),
      );
      callers.push({ label: `${role}@${unit ?? '-'}`, role, units: unit === null ? null : subtree(unit), token });
    };
    for (const unit of departments) for (const role of ['budget_officer', 'inspector'] as Role[]) await add(role, unit);
    await add('council_staff', null);
    await add('admin', null);
  });
  after(async () => t?.close());

  const getRoutes = () => t.routes.filter((r) => r.method === 'get');
  const admitted = (route: RouteDef) => callers.filter((c) => route.roles.includes(c.role));
  const unscoped = (route: RouteDef) => admitted(route).find((c) => c.units === null);
  const mine = (c: Caller, owners: (number | null | undefined)[]) =>
    c.units === null || owners.some((o) => o !== null && o !== undefined && c.units!.has(o));

  async function call(route: RouteDef, query: string, c: Caller): Promise<Answer> {
    // a query starting with ':' fills the route's path parameter (then its own query string, if any)
    let url = `/api${route.path}`;
    if (query.startsWith(':')) {
      const [param, qs] = query.slice(1).split('?');
      url = url.replace(/:[A-Za-z]+/, encodeURIComponent(param)) + (qs ? `?${qs}` : '');
    } else if (query) url += `?${query}`;
    const res = await supertest(t.app).get(url).set('Authorization', `Bearer ${c.token}`);
    return { status: res.status, body: res.type === 'application/json' ? res.body : null };
  }

  it('every GET route of the route table has a department expectation (and no expectation names a route that is gone)', () => {
    const ids = getRoutes().map((r) => r.id);
    expect(
      ids.filter((id) => !(id in EXPECTATIONS)),
      'GET routes without a department expectation',
    ).to.deep.equal([]);
    expect(
      Object.keys(EXPECTATIONS).filter((id) => !ids.includes(id)),
      'expectations of no route',
    ).to.deep.equal([]);
    // every list route (a GET without a path parameter) that admits a department-scoped role says how its rows are scoped
    for (const r of getRoutes()) {
      const e = EXPECTATIONS[r.id];
      if (e.kind === 'admin-only') expect([...r.roles], r.id).to.deep.equal(['admin']);
    }
    expect(callers.filter((c) => c.units !== null).length).to.be.greaterThan(6);
  });

  it('reference routes: every admitted role in every department gets the same answer', async () => {
    const failures: string[] = [];
    for (const route of getRoutes()) {
      const e = EXPECTATIONS[route.id];
      if (e.kind !== 'reference' && e.kind !== 'by-role') continue;
      for (const query of e.queries?.(f) ?? ['']) {
        const seen = new Map<string, string>();
        for (const c of admitted(route)) {
          const a = await call(route, query, c);
          // by role: the same status and answer for every department of a role (a role the report refuses: 403 for all)
          if (e.kind === 'reference' && a.status !== 200) failures.push(`${route.id} ${query} as ${c.label}: ${a.status}`);
          const key = e.kind === 'by-role' ? c.role : 'all';
          const text = JSON.stringify([a.status, a.body]);
          if (!seen.has(key)) seen.set(key, text);
          else if (seen.get(key) !== text)
            failures.push(`${route.id} ${query} as ${c.label}: differs from another caller of the same ${key}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('lists: each role in each department sees exactly the rows its department owns; unscoped roles see them all', async () => {
    const failures: string[] = [];
    let filtered = 0;
    for (const route of getRoutes()) {
      const list = (EXPECTATIONS[route.id] as Extract<Expectation, { kind: 'department' }>).list;
      if (EXPECTATIONS[route.id].kind !== 'department' || !list) continue;
      const all = unscoped(route)!;
      for (const query of list.queries(f)) {
        const everything = await call(route, query, all);
        expect(everything.status, `${route.id} ${query} as ${all.label}`).to.equal(200);
        const allRows = list.rows(everything.body);
        for (const c of admitted(route)) {
          const a = await call(route, query, c);
          if (a.status !== 200) {
            failures.push(`${route.id} ${query} as ${c.label}: ${a.status}`);
            continue;
          }
          const got = list.rows(a.body).map((r) => JSON.stringify(r));
          const want = allRows.filter((r) => mine(c, list.owners(f, r))).map((r) => JSON.stringify(r));
          if (JSON.stringify(got) !== JSON.stringify(want))
            failures.push(`${route.id} ${query} as ${c.label}: ${got.length} rows, expected ${want.length} of ${allRows.length}`);
          const total = (a.body as { total?: number }).total;
          if (total !== undefined && total !== want.length)
            failures.push(`${route.id} ${query} as ${c.label}: total ${total}, expected ${want.length}`);
          if (want.length < allRows.length) filtered++;
        }
      }
    }
    expect(failures).to.deep.equal([]);
    expect(filtered, 'some caller must see fewer rows than an unscoped one (the test is not vacuous)').to.be.greaterThan(20);
  });

  it('one parent’s rows and lookups: its department and unscoped roles get exactly what an unscoped role gets, every other department 403', async () => {
    const failures: string[] = [];
    let refused = 0;
    for (const route of getRoutes()) {
      const e = EXPECTATIONS[route.id];
      if (e.kind !== 'department' || !e.parent) continue;
      const all = unscoped(route)!;
      for (const { query, owner } of e.parent.queries(f)) {
        const everything = await call(route, query, all);
        if (everything.status !== 200) failures.push(`${route.id} ${query} as ${all.label}: ${everything.status}`);
        for (const c of admitted(route)) {
          const a = await call(route, query, c);
          if (mine(c, [owner])) {
            if (a.status !== 200 || JSON.stringify(a.body) !== JSON.stringify(everything.body))
              failures.push(`${route.id} ${query} as ${c.label}: ${a.status}, expected the unscoped answer`);
          } else if (a.status !== 403) failures.push(`${route.id} ${query} as ${c.label} (owner ${owner}): ${a.status}, expected 403`);
          else refused++;
        }
      }
    }
    expect(failures).to.deep.equal([]);
    expect(refused).to.be.greaterThan(20);
  });

  it('every role is represented among the callers', () => {
    expect([...new Set(callers.map((c) => c.role))].sort()).to.deep.equal([...ROLES].sort());
  });
});
