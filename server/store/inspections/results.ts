import type { EntityManager } from 'typeorm';
import { InspectionItemResult } from '../../../entities/inspection';

/** Every statement on inspection_item_results (one row per checklist item of an inspection). */

export async function resultsOf(em: EntityManager, inspectionId: number): Promise<InspectionItemResult[]> {
  return em.getRepository(InspectionItemResult).find({ where: { inspectionId } });
}

/** The result row of an item, or a new (unsaved) blank one. */
export async function resultOrBlank(em: EntityManager, inspectionId: number, templateItemId: number): Promise<InspectionItemResult> {
  return (
    (await em.getRepository(InspectionItemResult).findOneBy({ inspectionId, templateItemId })) ??
    em.getRepository(InspectionItemResult).create(blankResult(inspectionId, templateItemId))
  );
}

export async function saveResult(em: EntityManager, row: InspectionItemResult): Promise<void> {
  await em.save(row);
}

function blankResult(inspectionId: number, templateItemId: number): Omit<InspectionItemResult, 'id'> {
  return {
    inspectionId,
    templateItemId,
    rating: null,
    notes: null,
    evidence: null,
    figures: null,
    criterionValue: null,
    criterionMet: null,
  };
}

/** A blank result for each of these items (one statement each, in order). */
export async function insertBlankResults(em: EntityManager, inspectionId: number, templateItemIds: number[]): Promise<void> {
  for (const id of templateItemIds) await em.insert(InspectionItemResult, blankResult(inspectionId, id));
}

/** Copies the results of one inspection to another (a revision). */
export async function copyResults(em: EntityManager, fromInspectionId: number, toInspectionId: number): Promise<void> {
  for (const r of await resultsOf(em, fromInspectionId)) {
    const { id: _r, ...rest } = r;
    await em.insert(InspectionItemResult, { ...rest, inspectionId: toInspectionId });
  }
}
