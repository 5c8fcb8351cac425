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
  level: 'bureau' | 'department' | 'team';
  parentId: number | null;
}

export interface ProgramYearFacts {
  id: number;
  programCode: string;
  name: string;
  kind: 'policy' | 'unit' | 'basic';
  account: 'general' | 'special' | 'fund';
  orgUnitId: number; // effective department
  parentId: number | null; // policy program-year
  sortOrder: number;
  figures: LineFigures; // zero for policy programs (roll-ups)
  priorYearBasis: number | null;
}

export type SettlementRowKind = 'total' | 'business' | 'basic_total' | 'department' | 'policy' | 'unit' | 'basic';

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
}

function sumBasis(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Departments under `root` (or root itself when it is a department), in code order of the chart. */
export function departmentsUnder(orgs: OrgNode[], rootId: number): OrgNode[] {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return [];
  if (root.level !== 'bureau') return [root];
  return orgs.filter((o) => o.parentId === rootId && o.level === 'department');
}

export function buildSettlementRows(orgs: OrgNode[], programs: ProgramYearFacts[], rootId: number, totalLabel = '합 계'): SettlementRow[] {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return [];
  const teamToDept = (id: number): number => {
    const o = orgs.find((x) => x.id === id);
    return o && o.level === 'team' && o.parentId ? o.parentId : id;
  };
  const depts = departmentsUnder(orgs, rootId);
  const rows: SettlementRow[] = [];
  const all: ProgramYearFacts[] = [];
  const deptRows: SettlementRow[][] = [];
  for (const dept of depts) {
    const own = programs.filter((p) => teamToDept(p.orgUnitId) === dept.id).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    if (!own.length) continue;
    all.push(...own);
    const block: SettlementRow[] = [];
    const leaves = own.filter((p) => p.kind !== 'policy');
    block.push({ kind: 'department', depth: 1, label: dept.name, code: dept.code, orgUnitId: dept.id, programYearId: null, figures: addFigures(leaves.map((p) => p.figures)), priorYearBasis: sumBasis(leaves.map((p) => p.priorYearBasis)) });
    for (const policy of own.filter((p) => p.kind === 'policy')) {
      const units = own.filter((p) => p.parentId === policy.id && p.kind === 'unit');
      block.push({ kind: 'policy', depth: 2, label: policy.name, code: policy.programCode, orgUnitId: dept.id, programYearId: policy.id, figures: addFigures(units.map((u) => u.figures)), priorYearBasis: sumBasis(units.map((u) => u.priorYearBasis)) });
      for (const u of units) block.push({ kind: 'unit', depth: 3, label: u.name, code: u.programCode, orgUnitId: dept.id, programYearId: u.id, figures: u.figures, priorYearBasis: u.priorYearBasis });
    }
    // A unit program whose policy program sits in another department (after a reorganisation) is
    // still shown under its own department, directly.
    for (const u of own.filter((p) => p.kind === 'unit' && !own.some((q) => q.id === p.parentId))) {
      block.push({ kind: 'unit', depth: 2, label: u.name, code: u.programCode, orgUnitId: dept.id, programYearId: u.id, figures: u.figures, priorYearBasis: u.priorYearBasis });
    }
    for (const b of own.filter((p) => p.kind === 'basic')) {
      block.push({ kind: 'basic', depth: 2, label: b.name, code: b.programCode, orgUnitId: dept.id, programYearId: b.id, figures: b.figures, priorYearBasis: b.priorYearBasis });
    }
    deptRows.push(block);
  }
  const leaves = all.filter((p) => p.kind !== 'policy');
  const business = leaves.filter((p) => p.kind === 'unit');
  const basic = leaves.filter((p) => p.kind === 'basic');
  rows.push({ kind: 'total', depth: 0, label: totalLabel, code: root.code, orgUnitId: root.id, programYearId: null, figures: leaves.length ? addFigures(leaves.map((p) => p.figures)) : ZERO_FIGURES, priorYearBasis: sumBasis(leaves.map((p) => p.priorYearBasis)) });
  if (root.level === 'bureau') {
    rows.push({ kind: 'business', depth: 1, label: '사업예산', code: null, orgUnitId: root.id, programYearId: null, figures: addFigures(business.map((p) => p.figures)), priorYearBasis: sumBasis(business.map((p) => p.priorYearBasis)) });
    rows.push({ kind: 'basic_total', depth: 1, label: '기본경비(행정운영경비)', code: null, orgUnitId: root.id, programYearId: null, figures: addFigures(basic.map((p) => p.figures)), priorYearBasis: sumBasis(basic.map((p) => p.priorYearBasis)) });
  }
  for (const block of deptRows) rows.push(...block);
  return rows;
}
