import type { EntityManager } from 'typeorm';
import { EvaluationIndicator, EvaluationIndicatorGroup, EvaluationTemplate } from '../../../entities/evaluation-template';

/** Statements of the evaluation templates (평가지표 양식): versions, indicator groups, indicators. */

export async function templateById(em: EntityManager, id: number): Promise<EvaluationTemplate | null> {
  return em.getRepository(EvaluationTemplate).findOneBy({ id });
}

/** The highest version of a template code, or null when the code is new. */
export async function latestTemplateVersion(em: EntityManager, code: string): Promise<number | null> {
  const latest = await em.getRepository(EvaluationTemplate).findOne({ where: { code }, order: { version: 'DESC' } });
  return latest ? latest.version : null;
}

export async function templateVersionExists(em: EntityManager, code: string, version: number): Promise<boolean> {
  return (await em.getRepository(EvaluationTemplate).findOneBy({ code, version })) !== null;
}

/** Template versions, of one code or all, by code then version. */
export async function templateRows(em: EntityManager, code?: string): Promise<EvaluationTemplate[]> {
  return em.getRepository(EvaluationTemplate).find({ where: code ? { code } : {}, order: { code: 'ASC', version: 'ASC' } });
}

export async function insertTemplate(em: EntityManager, row: Omit<EvaluationTemplate, 'id'>): Promise<EvaluationTemplate> {
  return em.save(em.getRepository(EvaluationTemplate).create(row));
}

export async function insertIndicatorGroup(
  em: EntityManager,
  row: Omit<EvaluationIndicatorGroup, 'id'>,
): Promise<EvaluationIndicatorGroup> {
  return em.save(em.getRepository(EvaluationIndicatorGroup).create(row));
}

export async function insertTemplateIndicator(em: EntityManager, row: Omit<EvaluationIndicator, 'id'>): Promise<EvaluationIndicator> {
  return em.save(em.getRepository(EvaluationIndicator).create(row));
}

/** The groups of a template in their order. */
export async function groupsOfTemplate(em: EntityManager, templateId: number): Promise<EvaluationIndicatorGroup[]> {
  return em.getRepository(EvaluationIndicatorGroup).find({ where: { templateId }, order: { seq: 'ASC' } });
}

/** The indicators of a template by their place in their group. */
export async function indicatorsOfTemplate(em: EntityManager, templateId: number): Promise<EvaluationIndicator[]> {
  return em.getRepository(EvaluationIndicator).find({ where: { templateId }, order: { seq: 'ASC' } });
}

/** The indicators of a template as stored (in the order they were written), for scoring. */
export async function templateIndicators(em: EntityManager, templateId: number): Promise<EvaluationIndicator[]> {
  return em.getRepository(EvaluationIndicator).find({ where: { templateId } });
}
