import type { EntityManager } from 'typeorm';
import { buildSettlementRows, SettlementRow } from '../../../domain/settlement';
import { executionRateOf } from '../../../domain/ledger';
import { loadYearFacts } from './year-facts';
import { orgUnitByCode } from '../../store/org-units/org-units';

export interface Settlement {
  year: number;
  org: { id: number; code: string; name: string; level: string };
  rows: (SettlementRow & { executionRate: string })[];
}

/** 세출결산 of a unit at any level, as the organisation was in that year. */
export async function settlementFor(em: EntityManager, year: number, org: string): Promise<Settlement> {
  const unit = await orgUnitByCode(em, org, 'org');
  const { orgs, programs } = await loadYearFacts(em, year);
  const rows = buildSettlementRows(orgs, programs, unit.id);
  return {
    year,
    org: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    rows: rows.map((r) => ({ ...r, executionRate: executionRateOf(r.figures).text })),
  };
}
