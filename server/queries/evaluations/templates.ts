import type { EntityManager } from 'typeorm';
import { IndicatorMeasure, IndicatorScope, MEASURE_KO, SCOPE_KO } from '../../../entities/evaluation-template';
import { notFound } from '../../../domain/errors';
import { GradeBand, parseGradeBands, sumScores, templateInForce } from '../../../domain/evaluation';
import { groupsOfTemplate, indicatorsOfTemplate, templateById, templateRows } from '../../store/evaluations/templates';

export interface TemplateView {
  id: number;
  code: string;
  version: number;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  gradeBands: GradeBand[] | null;
  maxTotal: string;
  note: string | null;
  groups: {
    id: number;
    seq: number;
    name: string;
    scope: IndicatorScope;
    scopeKo: string;
    measure: IndicatorMeasure;
    measureKo: string;
    maxPoints: string;
    indicators: { id: number; seq: number; name: string; maxPoints: string; guidance: string | null }[];
  }[];
}

/** One template version with its groups, indicators and maximum points (each group's and the total). */
export async function templateView(em: EntityManager, id: number): Promise<TemplateView> {
  const t = await templateById(em, id);
  if (!t) throw notFound(`Evaluation template ${id}`, `평가지표 양식 ${id}`, 'templateId');
  const groups = await groupsOfTemplate(em, id);
  const indicators = await indicatorsOfTemplate(em, id);
  const groupViews = groups.map((g) => {
    const inds = indicators
      .filter((i) => i.groupId === g.id)
      .map((i) => ({ id: i.id, seq: i.seq, name: i.name, maxPoints: i.maxPoints, guidance: i.guidance }));
    return {
      id: g.id,
      seq: g.seq,
      name: g.name,
      scope: g.scope,
      scopeKo: SCOPE_KO[g.scope],
      measure: g.measure,
      measureKo: MEASURE_KO[g.measure],
      maxPoints: sumScores(inds.map((i) => i.maxPoints)),
      indicators: inds,
    };
  });
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    name: t.name,
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo,
    gradeBands: parseGradeBands(t.gradeBands),
    maxTotal: sumScores(groupViews.map((g) => g.maxPoints)),
    note: t.note,
    groups: groupViews,
  };
}

/** Template versions (of one code, or in force on a day), by code then version. */
export async function listTemplates(em: EntityManager, filter: { code?: string; asOf?: string } = {}): Promise<TemplateView[]> {
  const rows = await templateRows(em, filter.code);
  const inForce = filter.asOf ? rows.filter((t) => templateInForce(t, filter.asOf!)) : rows;
  return Promise.all(inForce.map((t) => templateView(em, t.id)));
}
