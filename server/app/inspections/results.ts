import type { EntityManager } from 'typeorm';
import type { Inspection } from '../../../entities/inspection';
import { rateItem, unknownItem } from '../../../domain/inspection';
import type { Criterion, CriterionFigures } from '../../../domain/inspection-criteria';
import { resultOrBlank, saveResult } from '../../store/inspections/results';
import { itemsOfVersion } from '../../store/inspections/templates';
import type { ItemResultInput } from './requests/inspections';

/** Writes item results (by item code) of a draft: notes, evidence, figures, rating, judged by the domain. */
export async function applyResults(tx: EntityManager, inspection: Inspection, results: ItemResultInput[]): Promise<void> {
  const items = await itemsOfVersion(tx, inspection.templateVersionId);
  const byCode = new Map(items.map((it) => [it.code, it]));
  for (const [k, r] of results.entries()) {
    const field = `results[${k}]`;
    const item = byCode.get(r.itemCode);
    if (!item) throw unknownItem(field, r.itemCode);
    const row = await resultOrBlank(tx, inspection.id, item.id);
    if (r.notes !== undefined) row.notes = r.notes;
    if (r.evidence !== undefined) row.evidence = r.evidence.length ? JSON.stringify(r.evidence) : null;
    if (r.figures !== undefined) row.figures = r.figures ? JSON.stringify(r.figures) : null;
    if (r.rating !== undefined) row.rating = r.rating;
    const rated = rateItem({
      field,
      itemCode: r.itemCode,
      scale: JSON.parse(item.ratingScale) as string[],
      criterion: item.criterion ? (JSON.parse(item.criterion) as Criterion) : null,
      rating: row.rating,
      figures: row.figures ? (JSON.parse(row.figures) as CriterionFigures) : null,
      ratingGiven: r.rating !== undefined,
      figuresGiven: !!r.figures,
    });
    Object.assign(row, rated);
    await saveResult(tx, row);
  }
}
