import type { EntityManager } from 'typeorm';
import { resolveConsignment } from '../../store/consignments/consignment-ref';
import { contractTermsLatestFirst } from '../../store/consignments/contract-terms';

export interface TermChoice {
  id: number;
  startDate: string;
  endDate: string;
  label: string;
}

/** The contract terms an evaluation of a consignment may be about, latest first (for the entry form); an unknown consignment is not found. */
export async function evaluationTerms(em: EntityManager, consignmentRef: string | number): Promise<TermChoice[]> {
  const consignment = await resolveConsignment(em, consignmentRef);
  return (await contractTermsLatestFirst(em, consignment.id)).map((t) => ({
    id: t.id,
    startDate: t.startDate,
    endDate: t.endDate,
    label: `${t.startDate} ~ ${t.endDate}`,
  }));
}
