/**
 * The settlement tree (세출결산) of a year: bureau → 사업예산 / 기본경비 subtotals → department →
 * 정책사업 → 단위사업, plus each department's 기본경비, as seed 003 prints it. Pure: it takes the
 * year's program-years with their figures and builds the rows; every roll-up is a sum of stored won.
 */
import { addFigures, LineFigures, ZERO_FIGURES } from './ledger';

export interface OrgNode {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'bureau' | 'department' | 'team';
  parentId: number | null;
}

export interface ProgramYearFacts {
  id: number;
  programCode: string;
  name: string;
  kind: 'policy' | 'unit' | 'basic';
  account: 'general' | 'special' | 'fund';
  /** the named account (회계); null only for rows written before accounts existed */
  accountId?: number | null;
  orgUnitId: number; // effective department
  parentId: number | null; // policy program-year
  sortOrder: number;
  figures: LineFigures; // zero for policy programs (roll-ups)
  priorYearBasis: number | null;
}

export type SettlementRowKind = 'total' | 'business' | 'basic_total' | 'bureau' | 'department' | 'policy' | 'unit' | 'basic';

export interface SettlementRow {
  kind: SettlementRowKind;
  depth: number;
  label: string;
  code: string | null;
  orgUnitId: number | null;
  programYearId: number | null;
  figures: LineFigures;
  /** sum of the restated prior-year basis where the year has one */
  priorYearBasis: number | null;
  /** organisation levels between the report's root and this row's block (1 under a city's bureau) */
  orgDepth: number;
}

function sumBasis(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Departments under `root` (or root itself when it is a department), in the order of the chart. */
export function departmentsUnder(orgs: OrgNode[], rootId: number): OrgNode[] {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return [];
  if (root.level === 'department' || root.level === 'team') return [root];
  return orgs.filter((o) => o.parentId === rootId && o.level === 'department');
}

function sumBasisOf(programs: ProgramYearFacts[]): number | null {
  return sumBasis(programs.map((p) => p.priorYearBasis));
}

/**
 * Rows of one department: the department, each 정책사업 with its 단위사업, then its 기본경비.
 * `orgDepth` shifts the block down when the report's root is a city (bureau rows sit above).
 */
function departmentBlock(dept: OrgNode, own: ProgramYearFacts[], orgDepth: number): SettlementRow[] {
  const d = orgDepth;
  const block: SettlementRow[] = [];
  const leaves = own.filter((p) => p.kind !== 'policy');
  block.push({
    kind: 'department',
    depth: 1 + d,
    label: dept.name,
    code: dept.code,
    orgUnitId: dept.id,
    programYearId: null,
    figures: addFigures(leaves.map((p) => p.figures)),
    priorYearBasis: sumBasisOf(leaves),
    orgDepth: d,
  });
  for (const policy of own.filter((p) => p.kind === 'policy')) {
    const units = own.filter((p) => p.parentId === policy.id && p.kind === 'unit');
    block.push({
      kind: 'policy',
      depth: 2 + d,
      label: policy.name,
      code: policy.programCode,
      orgUnitId: dept.id,
      programYearId: policy.id,
      figures: addFigures(units.map((u) => u.figures)),
      priorYearBasis: sumBasisOf(units),
      orgDepth: d,
    });
    for (const u of units)
      block.push({
        kind: 'unit',
        depth: 3 + d,
        label: u.name,
        code: u.programCode,
        orgUnitId: dept.id,
        programYearId: u.id,
        figures: u.figures,
        priorYearBasis: u.priorYearBasis,
        orgDepth: d,
      });
  }
  // A unit program whose policy program sits in another department (after a reorganisation) is
  // still shown under its own department, directly.
  for (const u of own.filter((p) => p.kind === 'unit' && !own.some((q) => q.id === p.parentId))) {
    block.push({
      kind: 'unit',
      depth: 2 + d,
      label: u.name,
      code: u.programCode,
      orgUnitId: dept.id,
      programYearId: u.id,
      figures: u.figures,
      priorYearBasis: u.priorYearBasis,
      orgDepth: d,
    });
  }
  for (const b of own.filter((p) => p.kind === 'basic')) {
    block.push({
      kind: 'basic',
      depth: 2 + d,
      label: b.name,
      code: b.programCode,
      orgUnitId: dept.id,
      programYearId: b.id,
      figures: b.figures,
      priorYearBasis: b.priorYearBasis,
      orgDepth: d,
    });
  }
  return block;
}

/**
 * Rows of a unit at any level: a city (bureaus → departments), a bureau (departments) or a single
 * department. The first rows are the total and, above department level, the 사업예산 and 기본경비
 * subtotals.
 */
export function buildSettlementRows(orgs: OrgNode[], programs: ProgramYearFacts[], rootId: number, totalLabel = '합 계'): SettlementRow[] {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return [];
  const deptOf = new Map<number, number>();
  for (const o of orgs) deptOf.set(o.id, o.level === 'team' && o.parentId ? o.parentId : o.id);
  const byDept = new Map<number, ProgramYearFacts[]>();
  for (const p of programs) {
    const dept = deptOf.get(p.orgUnitId) ?? p.orgUnitId;
    const list = byDept.get(dept) ?? [];
    list.push(p);
    byDept.set(dept, list);
  }
  const ownOf = (dept: OrgNode) => (byDept.get(dept.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

  const body: SettlementRow[] = [];
  const all: ProgramYearFacts[] = [];
  const bureaus = root.level === 'city' ? orgs.filter((o) => o.parentId === root.id && o.level === 'bureau') : [];
  for (const bureau of bureaus) {
    const blocks = departmentsUnder(orgs, bureau.id).filter((d) => ownOf(d).length);
    if (!blocks.length) continue;
    const own = blocks.flatMap(ownOf);
    all.push(...own);
    const leaves = own.filter((p) => p.kind !== 'policy');
    body.push({
      kind: 'bureau',
      depth: 1,
      label: bureau.name,
      code: bureau.code,
      orgUnitId: bureau.id,
      programYearId: null,
      figures: addFigures(leaves.map((p) => p.figures)),
      priorYearBasis: sumBasisOf(leaves),
      orgDepth: 0,
    });
    for (const dept of blocks) body.push(...departmentBlock(dept, ownOf(dept), 1));
  }
  for (const dept of departmentsUnder(orgs, rootId)) {
    const own = ownOf(dept);
    if (!own.length) continue;
    all.push(...own);
    body.push(...departmentBlock(dept, own, 0));
  }
  const leaves = all.filter((p) => p.kind !== 'policy');
  const business = leaves.filter((p) => p.kind === 'unit');
  const basic = leaves.filter((p) => p.kind === 'basic');
  const rows: SettlementRow[] = [
    {
      kind: 'total',
      depth: 0,
      label: totalLabel,
      code: root.code,
      orgUnitId: root.id,
      programYearId: null,
      figures: leaves.length ? addFigures(leaves.map((p) => p.figures)) : ZERO_FIGURES,
      priorYearBasis: sumBasisOf(leaves),
      orgDepth: 0,
    },
  ];
  if (root.level === 'bureau' || root.level === 'city') {
    rows.push({
      kind: 'business',
      depth: 1,
      label: '사업예산',
      code: null,
      orgUnitId: root.id,
      programYearId: null,
      figures: addFigures(business.map((p) => p.figures)),
      priorYearBasis: sumBasisOf(business),
      orgDepth: 0,
    });
    rows.push({
      kind: 'basic_total',
      depth: 1,
      label: '기본경비(행정운영경비)',
      code: null,
      orgUnitId: root.id,
      programYearId: null,
      figures: addFigures(basic.map((p) => p.figures)),
      priorYearBasis: sumBasisOf(basic),
      orgDepth: 0,
    });
  }
  return [...rows, ...body];
}
