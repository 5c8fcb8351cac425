import type { EntityManager } from 'typeorm';
import type { Role } from '../../../entities/user';
import { RequestContext } from '../../context';
import { readableProgramYearIds, readableUnits } from '../../access/department-rows';
import { LEDGER_READERS } from '../../access/roles';
import { INSPECTION_READERS } from '../../access/inspection-roles';
import { searchConsignments, searchInspections, searchOperators, searchPrograms, SearchHit } from '../../store/search';

export type { SearchHit };

export interface SearchResult {
  programs: SearchHit[] | null;
  consignments: SearchHit[];
  operators: SearchHit[];
  inspections: SearchHit[] | null;
}

/**
 * What the header's search box finds, by name or code, among what the reader may see: programs
 * (ledger readers; their department's), consignments and operators (their department's for scoped
 * roles), inspections (inspection readers). A kind the role may not read is null.
 */
export async function searchAll(em: EntityManager, ctx: RequestContext, role: Role, text: string): Promise<SearchResult> {
  const units = await readableUnits(em, ctx);
  return {
    programs: LEDGER_READERS.includes(role) ? await searchPrograms(em, await readableProgramYearIds(em, ctx), text) : null,
    consignments: await searchConsignments(em, units, text),
    operators: await searchOperators(em, units, text),
    inspections: INSPECTION_READERS.includes(role) ? await searchInspections(em, units, text) : null,
  };
}
