import type { EntityManager } from 'typeorm';
import { DomainError } from '../../../domain/errors';
import { figures, LineFigures, ZERO_FIGURES } from '../../../domain/ledger';
import { departmentsUnder, OrgNode, ProgramYearFacts, SettlementRow } from '../../../domain/settlement';
import { appropriationSumsFor, entrySumsFor, programYearPage, programYearsWithIds } from '../../store/ledger/year-facts-pages';
import { orgUnitByCode } from '../../store/org-units/org-units';
import { factsOf, orgsOfYear, yearMoves } from './year-facts';

/**
 * 세출결산 rows of a unit, streamed: the same rows in the same order as `settlementFor`
 * (domain/settlement.ts buildSettlementRows), without holding the year's facts.
 *
 * Pass 1 reads the program-years a page at a time (keyset on id) with their sums and keeps only
 * running roll-ups (per department, per 정책사업, the total and the two subtotals) and a small
 * index of each program-year (id, kind, parent, order). The rows that print first — 합 계, 사업예산,
 * 기본경비 and every department's figures — are known when it ends. Pass 2 (`rows()`) walks the
 * layout and reads the program-years again by id, a chunk at a time, in the order they print.
 *
 * Reads are not in one transaction: pass 2 re-adds each department's figures and refuses
 * (conflict) if the ledger changed between the passes, so a stream never prints totals that its
 * rows do not add up to.
 */

/**
 * Rows per read. Each read has a fixed cost (the entry sums scan the year's index whatever the id
 * list), so 500-row reads made the streamed report slower than the held one; 2,000 keeps a page's
 * live data to a megabyte or two. Pass 2's chunks run across departments for the same reason.
 */
const PAGE = 2000;
const CHUNK = 2000;

interface Indexed {
  id: number;
  kind: ProgramYearFacts['kind'];
  parentId: number | null;
  sortOrder: number;
}

interface Sum {
  figures: LineFigures;
  basis: number | null;
}

const EMPTY: Sum = { figures: ZERO_FIGURES, basis: null };

/** Adds one line to a roll-up (as addFigures does over all of them; no intermediate arrays for 60,000 lines). */
function plus(s: Sum, f: LineFigures, basis: number | null): Sum {
  const a = s.figures;
  return {
    figures: figures({
      budget: safe(a.budget + f.budget),
      carryIn: safe(a.carryIn + f.carryIn),
      changes: safe(a.changes + f.changes),
      executed: safe(a.executed + f.executed),
      carriedOut: safe(a.carriedOut + f.carriedOut),
    }),
    basis: basis === null ? s.basis : safe((s.basis ?? 0) + basis),
  };
}

/** Integer won sums stay exact below 2^53 (sumWon's bound); beyond it the roll-up is refused, not rounded. */
function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError('a roll-up exceeds the exact integer range');
  return n;
}

interface Block {
  dept: OrgNode;
  /** organisation levels between the report's root and the block (1 under a city's bureau) */
  orgDepth: number;
  bureau: OrgNode | null;
}

export interface SettlementStream {
  year: number;
  org: { id: number; code: string; name: string; level: string };
  /** 합 계, then 사업예산 and 기본경비 above department level; empty when the unit did not exist that year */
  head: SettlementRow[];
  /** every department row, in print order */
  departments: SettlementRow[];
  /** how many rows `rows()` yields */
  rowCount: number;
  /** every row (head included) in print order; reads the ledger again, a chunk at a time, each time it is iterated */
  rows(): AsyncGenerator<SettlementRow>;
}

/** 세출결산 of a unit at any level, streamed (see above). Unknown units are refused before any row. */
export interface StreamOptions {
  totalLabel?: string;
  /**
   * Called during pass 1 with every row that will print, figures final but in no particular order
   * and without final labels or depths (a 정책사업's label is empty): for what must be known of all
   * the rows before the first is written, e.g. the widest figure of each column. (A 단위사업 whose
   * parent is not a 정책사업, which never prints, is passed too.)
   */
  onFigures?: (row: SettlementRow) => void;
}

export async function settlementStream(
  em: EntityManager,
  year: number,
  org: string,
  options: StreamOptions = {},
): Promise<SettlementStream> {
  const totalLabel = options.totalLabel ?? '합 계';
  const seen = options.onFigures ?? (() => undefined);
  const unit = await orgUnitByCode(em, org, 'org');
  const orgs = await orgsOfYear(em, year);
  const moves = await yearMoves(em, year);
  const info = { id: unit.id, code: unit.code, name: unit.name, level: unit.level };
  const root = orgs.find((o) => o.id === unit.id);
  if (!root) return { year, org: info, head: [], departments: [], rowCount: 0, rows: async function* () {} };

  // the layout of buildSettlementRows: a city's bureaus with their departments, then the root's own departments
  const candidates: Block[] = [];
  if (root.level === 'city')
    for (const bureau of orgs.filter((o) => o.parentId === root.id && o.level === 'bureau'))
      for (const dept of departmentsUnder(orgs, bureau.id)) candidates.push({ dept, orgDepth: 1, bureau });
  for (const dept of departmentsUnder(orgs, root.id)) candidates.push({ dept, orgDepth: 0, bureau: null });
  const listed = new Set(candidates.map((b) => b.dept.id));
  const deptOf = new Map<number, number>();
  for (const o of orgs) deptOf.set(o.id, o.level === 'team' && o.parentId ? o.parentId : o.id);

  // pass 1: roll-ups and the index
  const own = new Map<number, Indexed[]>();
  const deptSum = new Map<number, Sum>();
  const policySum = new Map<string, Sum>();
  let total = EMPTY;
  let business = EMPTY;
  let basic = EMPTY;
  for (let after = 0; ;) {
    const page = await programYearPage(em, year, after, PAGE);
    if (!page.length) break;
    after = Number(page[page.length - 1].id);
    const ids = page.map((p) => Number(p.id));
    const [apps, entries] = await Promise.all([appropriationSumsFor(em, ids), entrySumsFor(em, year, ids)]);
    for (const f of factsOf(page, apps, entries, moves)) {
      const dept = deptOf.get(f.orgUnitId) ?? f.orgUnitId;
      if (!listed.has(dept)) continue;
      let list = own.get(dept);
      if (!list) own.set(dept, (list = []));
      list.push({ id: f.id, kind: f.kind, parentId: f.parentId, sortOrder: f.sortOrder });
      if (f.kind === 'policy') continue;
      seen({
        kind: f.kind,
        depth: 3,
        label: f.name,
        code: f.programCode,
        orgUnitId: dept,
        programYearId: f.id,
        figures: f.figures,
        priorYearBasis: f.priorYearBasis,
        orgDepth: 0,
      });
      deptSum.set(dept, plus(deptSum.get(dept) ?? EMPTY, f.figures, f.priorYearBasis));
      total = plus(total, f.figures, f.priorYearBasis);
      if (f.kind === 'unit') {
        business = plus(business, f.figures, f.priorYearBasis);
        const key = `${dept}:${f.parentId}`;
        policySum.set(key, plus(policySum.get(key) ?? EMPTY, f.figures, f.priorYearBasis));
      } else basic = plus(basic, f.figures, f.priorYearBasis);
    }
    if (page.length < PAGE) break;
  }
  for (const list of own.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const blocks = candidates.filter((b) => own.has(b.dept.id));

  const head: SettlementRow[] = [
    { kind: 'total', depth: 0, label: totalLabel, code: root.code, orgUnitId: root.id, programYearId: null, ...out(total), orgDepth: 0 },
  ];
  if (root.level === 'bureau' || root.level === 'city') {
    head.push({
      kind: 'business',
      depth: 1,
      label: '사업예산',
      code: null,
      orgUnitId: root.id,
      programYearId: null,
      ...out(business),
      orgDepth: 0,
    });
    head.push({
      kind: 'basic_total',
      depth: 1,
      label: '기본경비(행정운영경비)',
      code: null,
      orgUnitId: root.id,
      programYearId: null,
      ...out(basic),
      orgDepth: 0,
    });
  }
  const deptRow = (b: Block): SettlementRow => ({
    kind: 'department',
    depth: 1 + b.orgDepth,
    label: b.dept.name,
    code: b.dept.code,
    orgUnitId: b.dept.id,
    programYearId: null,
    ...out(deptSum.get(b.dept.id) ?? EMPTY),
    orgDepth: b.orgDepth,
  });
  const departments = blocks.map(deptRow);

  // bureau rows: sums of their listed departments' blocks
  const bureauRows = new Map<number, SettlementRow>();
  for (const b of blocks) {
    if (!b.bureau) continue;
    const prev = bureauRows.get(b.bureau.id);
    const s = deptSum.get(b.dept.id) ?? EMPTY;
    const acc: Sum = prev ? plus({ figures: prev.figures, basis: prev.priorYearBasis }, s.figures, s.basis) : s;
    bureauRows.set(b.bureau.id, {
      kind: 'bureau',
      depth: 1,
      label: b.bureau.name,
      code: b.bureau.code,
      orgUnitId: b.bureau.id,
      programYearId: null,
      ...out(acc),
      orgDepth: 0,
    });
  }
  for (const r of [...head, ...bureauRows.values(), ...departments]) seen(r);
  for (const b of blocks)
    for (const p of own.get(b.dept.id)!)
      if (p.kind === 'policy') {
        const sum = policySum.get(`${b.dept.id}:${p.id}`) ?? EMPTY;
        seen({ kind: 'policy', depth: 2, label: '', code: null, orgUnitId: b.dept.id, programYearId: p.id, ...out(sum), orgDepth: 0 });
      }
  const rowCount =
    head.length + bureauRows.size + blocks.reduce((n, b) => n + 1 + layoutOf(own.get(b.dept.id)!).filter((p) => !p.hidden).length, 0);

  async function* rows(): AsyncGenerator<SettlementRow> {
    yield* head;
    // layouts are made as their block comes up (or a chunk reaches into it) and dropped when it is done
    const layouts = new Map<number, Placed[]>();
    const layoutAt = (i: number): Placed[] => {
      let l = layouts.get(i);
      if (!l) layouts.set(i, (l = layoutOf(own.get(blocks[i].dept.id)!)));
      return l;
    };
    let cache = new Map<number, ProgramYearFacts>();
    /** the next CHUNK program-years in print order, from block `bi`'s `pi`-th onwards */
    const load = async (bi: number, pi: number): Promise<void> => {
      const ids: number[] = [];
      for (let i = bi, j = pi; i < blocks.length && ids.length < CHUNK; i++, j = 0) {
        const l = layoutAt(i);
        for (; j < l.length && ids.length < CHUNK; j++) ids.push(l[j].item.id);
      }
      cache = await factsWithIds(em, year, ids, moves);
    };
    let bureau: number | null = null;
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi];
      if (b.bureau && b.bureau.id !== bureau) {
        bureau = b.bureau.id;
        yield bureauRows.get(bureau)!;
      }
      yield deptRow(b);
      const layout = layoutAt(bi);
      let check = EMPTY;
      for (let pi = 0; pi < layout.length; pi++) {
        const p = layout[pi];
        let f = cache.get(p.item.id);
        if (!f) {
          await load(bi, pi);
          f = cache.get(p.item.id);
        }
        if (!f || (deptOf.get(f.orgUnitId) ?? f.orgUnitId) !== b.dept.id || f.kind !== p.item.kind) throw changed();
        const d = b.orgDepth;
        if (f.kind === 'policy') {
          const s = policySum.get(`${b.dept.id}:${f.id}`) ?? EMPTY;
          yield { kind: 'policy', depth: 2 + d, ...programOf(f, b), ...out(s), orgDepth: d };
          continue;
        }
        check = plus(check, f.figures, f.priorYearBasis);
        if (p.hidden) continue;
        const depth = f.kind === 'unit' && !p.orphan ? 3 + d : 2 + d;
        yield { kind: f.kind, depth, ...programOf(f, b), figures: f.figures, priorYearBasis: f.priorYearBasis, orgDepth: d };
      }
      layouts.delete(bi);
      if (!sameSum(check, deptSum.get(b.dept.id) ?? EMPTY)) throw changed();
    }
  }

  return { year, org: info, head, departments, rowCount, rows };
}

function out(s: Sum): { figures: LineFigures; priorYearBasis: number | null } {
  return { figures: s.figures, priorYearBasis: s.basis };
}

function programOf(f: ProgramYearFacts, b: Block): Pick<SettlementRow, 'label' | 'code' | 'orgUnitId' | 'programYearId'> {
  return { label: f.name, code: f.programCode, orgUnitId: b.dept.id, programYearId: f.id };
}

function sameSum(a: Sum, b: Sum): boolean {
  return a.basis === b.basis && (Object.keys(a.figures) as (keyof LineFigures)[]).every((k) => a.figures[k] === b.figures[k]);
}

function changed(): DomainError {
  return new DomainError(
    'conflict',
    'ledger_changed_during_report',
    'The ledger changed while the report was being written; request it again',
    '보고서를 만드는 동안 원장이 바뀌었습니다. 다시 요청하십시오',
  );
}

/**
 * Print order of a department's program-years (sorted by order, then id), as departmentBlock has
 * it: each 정책사업 followed by its 단위사업, then 단위사업 whose 정책사업 is elsewhere, then 기본경비.
 */
interface Placed {
  item: Indexed;
  /** a 단위사업 printed directly under its department (its 정책사업 is in another one) */
  orphan: boolean;
  /** read and added to the department's check but not printed: a 단위사업 whose parent is not a 정책사업 */
  hidden?: boolean;
}

function layoutOf(own: Indexed[]): Placed[] {
  const ids = new Set(own.map((p) => p.id));
  const unitsOf = new Map<number, Indexed[]>();
  for (const p of own)
    if (p.kind === 'unit' && p.parentId !== null) {
      const list = unitsOf.get(p.parentId) ?? [];
      list.push(p);
      unitsOf.set(p.parentId, list);
    }
  const layout: Placed[] = [];
  const policies = new Set(own.filter((p) => p.kind === 'policy').map((p) => p.id));
  for (const policy of own.filter((p) => p.kind === 'policy')) {
    layout.push({ item: policy, orphan: false });
    for (const u of unitsOf.get(policy.id) ?? []) layout.push({ item: u, orphan: false });
  }
  for (const u of own) if (u.kind === 'unit' && (u.parentId === null || !ids.has(u.parentId))) layout.push({ item: u, orphan: true });
  for (const b of own) if (b.kind === 'basic') layout.push({ item: b, orphan: false });
  for (const u of own)
    if (u.kind === 'unit' && u.parentId !== null && ids.has(u.parentId) && !policies.has(u.parentId))
      layout.push({ item: u, orphan: false, hidden: true });
  return layout;
}

async function factsWithIds(
  em: EntityManager,
  year: number,
  ids: number[],
  moves: Map<number, number>,
): Promise<Map<number, ProgramYearFacts>> {
  const [pys, apps, entries] = await Promise.all([
    programYearsWithIds(em, year, ids),
    appropriationSumsFor(em, ids),
    entrySumsFor(em, year, ids),
  ]);
  return new Map(factsOf(pys, apps, entries, moves).map((f) => [f.id, f]));
}
