import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { SHEETS } from '../../server/app/imports/sheets';
import { mutate, mutationArb, Mutation, Pick, Pools, resolvePicks, Schema, toJson, validArb } from './bodies';

/**
 * The API fuzz: every write operation of /api/openapi.json, called by a role that may (mostly) or may
 * not call it, with path parameters from the database or out of range, and a body generated from the
 * operation's schema and then mutated. Every answer must be below 500, and every refusal (≥ 400) must
 * leave the row count of every table of the database unchanged.
 */

export type Role = 'officer' | 'officer2' | 'inspector' | 'council' | 'admin';
const ROLE_OF: Record<Role, string> = {
  officer: 'budget_officer',
  officer2: 'budget_officer',
  inspector: 'inspector',
  council: 'council',
  admin: 'admin',
};
const USERS = Object.keys(ROLE_OF) as Role[];

interface Operation {
  method: string;
  path: string;
  id: string;
  roles: string[];
  params: string[];
  body?: Schema;
  multipart: boolean;
}

type OpenApiDoc = {
  paths: Record<
    string,
    Record<string, { operationId: string; 'x-roles': string[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
};

/** Every operation that writes: each method but GET. */
export function writeOperations(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'get') continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        id: op.operationId,
        roles: op['x-roles'],
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

/** The JSON form of a bulk import: one list per sheet (Korean name), of rows keyed by the Korean headers. */
function importSchema(components: Record<string, Schema>): Schema {
  const properties = Object.fromEntries(
    SHEETS.map((s) => [
      s.sheet,
      {
        type: 'array',
        maxItems: 3,
        items: {
          type: 'object',
          properties: Object.fromEntries(
            s.columns.map((c) => [
              c.header,
              (c.kind.type === 'text' || c.kind.type === 'date' || c.kind.type === 'choice'
                ? { type: 'string' }
                : { type: 'integer' }) as Schema,
            ]),
          ),
        },
      } as Schema,
    ]),
  );
  void components;
  return { type: 'object', properties };
}

export interface FuzzCase {
  op: number;
  user: Role;
  /** a user the route admits (most cases) or any user */
  permitted: boolean;
  params: (Pick | string)[];
  body: unknown;
  mutations: Mutation[];
  idempotencyKey: boolean;
  contentType: string;
  multipart: { field: string; parts: number; bytes: number } | null;
}

const ODD_PARAMS = [
  '0', '-1', '1.5', '1e3', '9007199254740993', '99999999', 'abc', '%00', '%E2%80%AE1', '__proto__', 'constructor',
  '%20%201', '0x10', 'null', 'undefined', '%EF%BC%91', 'x'.repeat(3000), '1%2F2', '..%2F..%2Fetc',
]; // prettier-ignore

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
];

export function caseArb(ops: Operation[], components: Record<string, Schema>, tables: readonly string[]): fc.Arbitrary<FuzzCase> {
  const perOp = ops.map((op, i) => {
    const schema = op.body ?? (op.multipart ? importSchema(components) : { type: 'object', properties: {} });
    const param = (name: string, segment: string) =>
      fc.oneof(
        { arbitrary: fc.nat().map((n) => new Pick(paramPool(name, segment, tables), n)), weight: 6 },
        { arbitrary: fc.integer({ min: 1, max: 300 }).map(String), weight: 2 },
        { arbitrary: fc.constantFrom(...ODD_PARAMS), weight: 1 },
      );
    const segment = op.path.split('/')[2];
    return fc.record({
      op: fc.constant(i),
      permitted: fc.constant(true),
      user: fc.constantFrom(...USERS),
      params: fc.tuple(...op.params.map((p) => param(p, segment))),
      body: validArb(schema, components, tables),
      mutations: fc.oneof(
        { arbitrary: fc.constant([] as Mutation[]), weight: 1 },
        { arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), weight: 5 },
      ),
      idempotencyKey: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
      contentType: fc.oneof({ arbitrary: fc.constant(CONTENT_TYPES[0]), weight: 15 }, fc.constantFrom(...CONTENT_TYPES)),
      multipart: op.multipart
        ? fc.option(
            fc.record({
              field: fc.constantFrom('file', 'file', 'upload', 'files[]', ''),
              parts: fc.constantFrom(1, 1, 2),
              bytes: fc.constantFrom(0, 10, 4096),
            }),
            { freq: 2 },
          )
        : fc.constant(null),
    });
  });
  return fc
    .tuple(fc.oneof(...perOp), fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 }))
    .map(([c, permitted]) => ({ ...c, permitted }));
}

/** Where a path parameter's values come from: the table its resource names. */
function paramPool(name: string, segment: string, tables: readonly string[]): string {
  if (name === 'year') return 'years';
  if (name === 'ref') return 'refs';
  const base = segment.replace(/-/g, '_');
  const alias: Record<string, string> = { findings: 'inspection_findings', transfers: 'budget_transfers', users: 'users' };
  const table = alias[base] ?? (tables.includes(base) ? base : tables.find((t) => t.endsWith(base)));
  if (table === 'users') return 'ids:fuzz_users';
  return table ? `ids:${table}` : 'ids:*';
}

// ---- the database, observed -------------------------------------------------------------------------

export class Observer {
  private tables: string[] = [];
  private countSql = '';
  constructor(
    private readonly ds: DataSource,
    private readonly kind: 'sqlite' | 'mysql',
    private readonly protectedUserIds: number[],
  ) {}

  async init(): Promise<void> {
    const rows = (await this.ds.query(
      this.kind === 'sqlite'
        ? "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : 'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name',
    )) as { t: string }[];
    this.tables = rows.map((r) => r.t);
    const q = (t: string) => (this.kind === 'sqlite' ? `"${t}"` : `\`${t}\``);
    this.countSql = this.tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM ${q(t)}`).join(' UNION ALL ');
  }

  get tableNames(): readonly string[] {
    return this.tables;
  }

  /** The row count of every table of the database. */
  async counts(): Promise<Record<string, number>> {
    const rows = (await this.ds.query(this.countSql)) as { t: string; n: number | string }[];
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  }

  /**
   * A digest of every table's rows (so an UPDATE that a refusal left behind shows too, not only an
   * INSERT or DELETE). Costs a full read of the database per request: an option of the long run.
   */
  async digests(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const q = (t: string) => (this.kind === 'sqlite' ? `"${t}"` : `\`${t}\``);
    for (const t of this.tables) {
      const rows = (await this.ds.query(`SELECT * FROM ${q(t)}`)) as Record<string, unknown>[];
      const text = rows
        .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Date ? v.toISOString() : v)))
        .sort()
        .join('\n');
      out[`${t} (contents)`] = crypto.createHash('sha1').update(text).digest('hex').slice(0, 10);
    }
    return out;
  }

  /** Current values for path parameters and id/code/name fields. */
  async pools(): Promise<Pools> {
    const pools: Record<string, (string | number)[]> = {};
    const all = new Set<number>();
    for (const meta of this.ds.entityMetadatas) {
      const id = meta.primaryColumns.length === 1 && meta.primaryColumns[0].databaseName === 'id';
      if (!id) continue;
      const rows = (await this.ds.query(`SELECT id FROM ${meta.tableName} ORDER BY id`)) as { id: number | string }[];
      pools[`ids:${meta.tableName}`] = rows.map((r) => Number(r.id));
      rows.forEach((r) => all.add(Number(r.id)));
    }
    pools['ids:*'] = [...all].sort((a, b) => a - b);
    pools['ids:fuzz_users'] = (pools['ids:users'] ?? []).filter((id) => !this.protectedUserIds.includes(Number(id)));
    const text = async (sql: string) =>
      ((await this.ds.query(sql)) as { v: string | null }[]).map((r) => r.v).filter((v): v is string => !!v);
    pools.codes = [
      ...(await text('SELECT code AS v FROM org_units')),
      ...(await text('SELECT code AS v FROM programs')),
      ...(await text('SELECT code AS v FROM consignments')),
    ];
    pools.names = [...(await text('SELECT name AS v FROM org_units')), ...(await text('SELECT name AS v FROM consignments'))];
    pools.items = await text('SELECT DISTINCT expense_item AS v FROM appropriations');
    pools.years = ((await this.ds.query('SELECT year FROM fiscal_years')) as { year: number }[]).map((r) => String(r.year));
    pools.refs = [...(pools['ids:consignments'] ?? []).map(String), ...(await text('SELECT code AS v FROM consignments'))];
    return pools;
  }
}

// ---- running cases ----------------------------------------------------------------------------------

export interface Finding {
  kind: 'server error' | 'write on refusal' | 'not problem+json' | 'no answer';
  route: string;
  status: number;
  detail: string;
  input: string;
}

export interface FuzzEnv {
  app: Express;
  ds: DataSource;
  kind: 'sqlite' | 'mysql';
  token: Record<Role, string>;
}

export interface FuzzReport {
  runs: number;
  seconds: number;
  statuses: Record<string, number>;
  findings: Finding[];
}

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export async function fuzzApi(
  env: FuzzEnv,
  options: { runs: number; seed: number; contents?: boolean; onProgress?: (done: number, report: FuzzReport) => void },
): Promise<FuzzReport> {
  const server = http.createServer(env.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDoc;
  const ops = writeOperations(doc);
  const protectedIds = ((await env.ds.query('SELECT id FROM users')) as { id: number }[]).map((r) => Number(r.id));
  const observer = new Observer(env.ds, env.kind, protectedIds);
  await observer.init();
  let pools = await observer.pools();
  const state = async () => ({ ...(await observer.counts()), ...(options.contents ? await observer.digests() : {}) });
  let before: Record<string, number | string> = await state();

  // what the server logs about a 500, to name its cause
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  };

  const report: FuzzReport = { runs: 0, seconds: 0, statuses: {}, findings: [] };
  const started = process.hrtime.bigint();
  try {
    await fc.assert(
      fc.asyncProperty(caseArb(ops, doc.components.schemas, observer.tableNames), async (c) => {
        const op = ops[c.op];
        const permittedUsers = USERS.filter((u) => op.roles.includes(ROLE_OF[u]));
        const user = c.permitted && permittedUsers.length ? permittedUsers[USERS.indexOf(c.user) % permittedUsers.length] : c.user;
        const params = c.params.map((p) => (p instanceof Pick ? encodeURIComponent(String(resolvePicks(p, pools))) : p));
        // the fuzz never edits the accounts whose tokens it uses
        if (op.path.startsWith('/api/users/') && protectedIds.includes(Number(params[0]))) params[0] = '999999';
        let i = 0;
        const url = op.path.replace(/\{(\w+)\}/g, () => params[i++]);
        const mutated = mutate(resolvePicks(c.body, pools), c.mutations);
        const text = mutated.text ?? toJson(mutated.value);
        const headers: Record<string, string> = { Authorization: `Bearer ${env.token[user]}` };
        if (c.idempotencyKey) headers['Idempotency-Key'] = `fuzz-${crypto.randomUUID()}`;
        let body: string | FormData = text;
        if (c.multipart) {
          const form = new FormData();
          for (let p = 0; p < c.multipart.parts; p++)
            form.append(c.multipart.field, new Blob([crypto.randomBytes(c.multipart.bytes)]), 'import.xlsx');
          body = form;
        } else headers['Content-Type'] = c.contentType;
        const input = `${op.method.toUpperCase()} ${short(url, 120)} as ${user}${c.idempotencyKey ? ' with an Idempotency-Key' : ''}${
          c.multipart ? ` multipart ${JSON.stringify(c.multipart)}` : ` [${c.contentType}] ${short(text)}`
        }`;
        const route = `${op.method.toUpperCase()} ${op.path}`;
        logged.length = 0;

        let status = 0;
        let answer = '';
        let type = '';
        try {
          const res = await fetch(base + url, { method: op.method.toUpperCase(), headers, body, signal: AbortSignal.timeout(60_000) });
          status = res.status;
          type = res.headers.get('content-type') ?? '';
          answer = await res.text();
        } catch (err) {
          report.findings.push({ kind: 'no answer', route, status: 0, detail: String(err), input });
        }
        report.runs++;
        report.statuses[status] = (report.statuses[status] ?? 0) + 1;
        if (status >= 500) {
          report.findings.push({ kind: 'server error', route, status, detail: short(logged.join(' | ') || answer, 400), input });
        } else if (status >= 400 && !/^application\/problem\+json/.test(type)) {
          report.findings.push({ kind: 'not problem+json', route, status, detail: `${type}: ${short(answer, 200)}`, input });
        }

        const after = await state();
        if (status >= 400 || status === 0) {
          // a refusal writes nothing; a refused request with an Idempotency-Key may keep its answer under the key
          const changed = Object.keys(after).filter(
            (t) => after[t] !== before[t] && !(c.idempotencyKey && t.startsWith('idempotency_records')),
          );
          if (changed.length) {
            report.findings.push({
              kind: 'write on refusal',
              route,
              status,
              detail: `${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}; answer ${short(answer, 200)}`,
              input,
            });
          }
        } else if (status < 300) {
          pools = await observer.pools();
        }
        before = after;
        if (options.onProgress && report.runs % 100 === 0) {
          report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
          options.onProgress(report.runs, report);
        }
        return true;
      }),
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    );
  } finally {
    console.error = consoleError;
    report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return report;
}

/** Findings grouped by kind, route and cause, with one input of each. */
export function summarise(findings: Finding[]): string[] {
  const groups = new Map<string, { count: number; sample: Finding }>();
  for (const f of findings) {
    const cause = f.detail.replace(/\d+/g, 'N').slice(0, 120);
    const key = `${f.kind} | ${f.route} | ${f.status} | ${cause}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, sample: f });
  }
  return [...groups.values()].map(
    ({ count, sample }) => `${count}× ${sample.kind} ${sample.status} ${sample.route}: ${sample.detail}\n    e.g. ${sample.input}`,
  );
}
