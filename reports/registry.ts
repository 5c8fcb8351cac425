import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Role } from '../entities/user';
import type { RequestContext } from '../server/context';
import { DomainError } from '../domain/errors';
import { modelHasData, withoutEmptySections, type ReportModel, type StreamingReportModel } from './engine';
import type { Unit } from '../domain/money';

/** The parameters any report may take; each definition says which it needs. */
export interface ReportParams {
  year?: number;
  /** organisation unit code or exact Korean name */
  org?: string;
  /** consignment code or exact Korean name */
  consignment?: string;
  quarter?: number;
  /** YYYY-MM-DD: the day "overdue" and "as of" are judged on */
  asOf?: string;
  /** account (회계) code or exact Korean name: only the rows of that account */
  account?: string;
  /** 'account': rows grouped by account, each with its subtotal */
  groupBy?: 'account';
  /** the unit amounts print in (원 · 천원 · 백만원 · 억원); each report's default is what its document prints */
  unit?: Unit;
  /** decimals of the printed rates (0–3); each report's default is what its document prints */
  rateDecimals?: number;
}

export const REPORT_UNITS: readonly Unit[] = ['won', 'thousand', 'million', 'hundred-million'];

/** The presentation parameters every report takes, checked here so the API, the pages and the CLI refuse alike. */
export function assertPresentationParams(params: ReportParams): void {
  const bad = (field: string, rule: string, message: string, messageKo: string) =>
    new DomainError('invalid', 'invalid_report_parameter', message, messageKo, [{ field, rule, message, message_ko: messageKo }]);
  if (params.unit !== undefined && !REPORT_UNITS.includes(params.unit)) {
    throw bad('unit', 'isIn', `unit must be one of ${REPORT_UNITS.join(', ')}`, '단위는 원, 천원, 백만원, 억원 중 하나여야 합니다');
  }
  if (
    params.rateDecimals !== undefined &&
    !(Number.isInteger(params.rateDecimals) && params.rateDecimals >= 0 && params.rateDecimals <= 3)
  ) {
    throw bad(
      'rateDecimals',
      'range0to3',
      'rateDecimals must be an integer from 0 to 3',
      '비율의 소수 자릿수는 0부터 3까지의 정수여야 합니다',
    );
  }
  if (params.groupBy !== undefined && params.groupBy !== 'account') {
    throw bad('groupBy', 'isIn', "groupBy must be 'account'", '묶음 기준은 회계(account)만 가능합니다');
  }
}

export type ReportParamName = keyof ReportParams;

/**
 * One council report: what it needs, who may read it and how its model is built. The model is
 * rendered to xlsx, pdf or json by the engine, so the formats cannot disagree.
 */
export interface ReportDefinition {
  name: string;
  /** Korean title shown in the catalogue */
  title: string;
  required: ReportParamName[];
  optional?: ReportParamName[];
  roles: readonly Role[];
  /** included in the council packet of an organisation unit for a year */
  inPacket?: boolean;
  /** position in the packet (lower first); the settlement comes before the next year's budget */
  packetOrder?: number;
  build(em: EntityManager, params: ReportParams, ctx: RequestContext): Promise<ReportModel>;
  /**
   * The same model with its large tables' rows read as they are rendered (whole-city reports). Used
   * by `streamReport` only when every parameter given is one of `params`; otherwise `build` answers.
   * Everything that can refuse the request (parameters, access, unknown names) is checked before it
   * resolves, so a refusal is always an error response, never a cut-off file.
   */
  stream?: {
    params: ReportParamName[];
    build(em: EntityManager, params: ReportParams, ctx: RequestContext): Promise<StreamingReportModel>;
  };
}

let cache: Map<string, ReportDefinition> | null = null;

/** Every file in reports/definitions default-exports one ReportDefinition (or an array of them). */
export function reportDefinitions(): Map<string, ReportDefinition> {
  if (cache) return cache;
  const dir = path.join(__dirname, 'definitions');
  const map = new Map<string, ReportDefinition>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { default?: ReportDefinition | ReportDefinition[] };
    if (!mod.default) continue; // helpers shared by definitions
    for (const def of Array.isArray(mod.default) ? mod.default : [mod.default]) {
      if (map.has(def.name)) throw new Error(`duplicate report ${def.name}`);
      map.set(def.name, def);
    }
  }
  cache = map;
  return map;
}

export function reportDefinition(name: string): ReportDefinition {
  const def = reportDefinitions().get(name);
  if (!def) {
    throw new DomainError('not_found', 'unknown_report', `No report named ${name}`, `${name} 보고서가 없습니다`, [
      {
        field: 'name',
        rule: 'knownReport',
        message: `known reports: ${[...reportDefinitions().keys()].join(', ')}`,
        message_ko: '보고서 이름을 확인하십시오',
      },
    ]);
  }
  return def;
}

export function assertParams(def: ReportDefinition, params: ReportParams): void {
  const missing = def.required.filter((p) => params[p] === undefined || params[p] === '');
  if (missing.length) {
    throw new DomainError(
      'malformed',
      'missing_report_parameter',
      `${def.name} needs ${missing.join(', ')}`,
      `${def.title} 보고서에는 ${missing.join(', ')} 값이 필요합니다`,
      missing.map((m) => ({ field: m, rule: 'required', message: `${m} is required`, message_ko: `${m} 값을 입력하십시오` })),
    );
  }
}

/** The caller's role may read the report and the parameters it needs are there. */
function assertMayRead(def: ReportDefinition, params: ReportParams, ctx: RequestContext): void {
  if (ctx.actor.role !== 'system' && !def.roles.includes(ctx.actor.role)) {
    throw new DomainError('forbidden', 'forbidden', 'Your role may not read this report', '이 보고서를 볼 권한이 없습니다');
  }
  assertParams(def, params);
  assertPresentationParams(params);
}

/** Builds a report after checking the caller's role and the parameters it needs. */
export async function buildReport(em: EntityManager, name: string, params: ReportParams, ctx: RequestContext): Promise<ReportModel> {
  const def = reportDefinition(name);
  assertMayRead(def, params, ctx);
  return def.build(em, params, ctx);
}

/**
 * Like `buildReport`, but a definition that can stream gives its streaming model (rows read while
 * they are rendered; see reports/engine/model.ts). The role and the parameters are checked first.
 */
export async function streamReport(
  em: EntityManager,
  name: string,
  params: ReportParams,
  ctx: RequestContext,
): Promise<StreamingReportModel> {
  const def = reportDefinition(name);
  const given = (Object.keys(params) as ReportParamName[]).filter((k) => params[k] !== undefined && params[k] !== '');
  if (!def.stream || !given.every((k) => def.stream!.params.includes(k))) return buildReport(em, name, params, ctx);
  assertMayRead(def, params, ctx);
  return def.stream.build(em, params, ctx);
}

/**
 * The council packet: every packet report of a unit for a year that can be built for it and has data,
 * each without its tables and charts that hold none (an all-dash 전년 대비, a year without entries).
 */
export async function buildPacket(em: EntityManager, params: ReportParams, ctx: RequestContext): Promise<ReportModel[]> {
  assertPresentationParams(params);
  const models: ReportModel[] = [];
  const ordered = [...reportDefinitions().values()].sort(
    (a, b) => (a.packetOrder ?? 100) - (b.packetOrder ?? 100) || a.name.localeCompare(b.name),
  );
  for (const def of ordered) {
    if (!def.inPacket) continue;
    if (ctx.actor.role !== 'system' && !def.roles.includes(ctx.actor.role)) continue;
    if (def.required.some((p) => params[p] === undefined)) continue;
    const model = await def.build(em, params, ctx);
    if (modelHasData(model)) models.push(withoutEmptySections(model));
  }
  return models;
}
