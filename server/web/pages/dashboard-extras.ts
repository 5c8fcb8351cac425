import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';

/** Dashboard items that come from the consignment and inspection services (filled in as they land). */
export async function dashboardExtras(_em: EntityManager, _ctx: RequestContext, _year: number | null): Promise<Record<string, unknown>> {
  return {};
}
