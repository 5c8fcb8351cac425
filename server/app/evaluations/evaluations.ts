import { DataSource, EntityManager, In } from 'typeorm';
import { Consignment, ContractTerm } from '../../../entities/consignment';
import { Evaluation, EvaluationScore } from '../../../entities/evaluation';
import {
  EvaluationIndicator,
  EvaluationIndicatorGroup,
  EvaluationTemplate,
  IndicatorMeasure,
  IndicatorScope,
  MEASURE_KO,
  SCOPE_KO,
} from '../../../entities/evaluation-template';
import { conflict, DomainError, FieldProblem, invalid, notFound } from '../../../domain/errors';
import { compareDecimal, GradeBand, gradeFor, normaliseScore, scoreProblem, sumScores } from '../../../domain/evaluation';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { assertOrgAccess } from '../../access/scope';
import { resolveConsignment, consignmentById } from '../../store/consignments/consignment-ref';

/** Department-scoped roles see and change only their own department's consignments. */
export async function assertConsignmentAccess(em: EntityManager, ctx: RequestContext, consignment: Consignment): Promise<void> {
  await assertOrgAccess(em, ctx, consignment.orgUnitId);
}

// ───────────────────────────── templates ─────────────────────────────

export interface TemplateInput {
  code: string;
  /** next version of the code when absent */
  version?: number;
  name: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  gradeBands?: GradeBand[] | null;
  note?: string | null;
  groups: {
    name: string;
    scope: IndicatorScope;
    measure: IndicatorMeasure;
    indicators: { name: string; maxPoints: string; guidance?: string | null }[];
  }[];
}

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

export async function createTemplate(ds: DataSource, ctx: RequestContext, input: TemplateInput, em?: EntityManager): Promise<TemplateView> {
  return within(ds, em, async (tx) => {
    const problems: FieldProblem[] = [];
    if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
      problems.push({
        field: 'effectiveTo',
        rule: 'afterEffectiveFrom',
        message: 'effectiveTo is before effectiveFrom',
        message_ko: '종료일이 시행일보다 앞섭니다',
      });
    }
    if (!input.groups.length)
      problems.push({
        field: 'groups',
        rule: 'notEmpty',
        message: 'a template needs at least one indicator group',
        message_ko: '지표군이 하나 이상 있어야 합니다',
      });
    input.groups.forEach((g, gi) => {
      if (!g.indicators.length)
        problems.push({
          field: `groups.${gi}.indicators`,
          rule: 'notEmpty',
          message: 'a group needs at least one indicator',
          message_ko: '지표군에 지표가 하나 이상 있어야 합니다',
        });
      g.indicators.forEach((ind, ii) => {
        if (compareDecimal(ind.maxPoints, '0') <= 0 || scoreProblem(ind.maxPoints, ind.maxPoints) === 'decimals') {
          problems.push({
            field: `groups.${gi}.indicators.${ii}.maxPoints`,
            rule: 'positiveScore',
            message: 'maxPoints must be positive with at most two decimals',
            message_ko: '배점은 소수 둘째 자리까지의 양수여야 합니다',
            value: ind.maxPoints,
          });
        }
      });
    });
    for (const [i, b] of (input.gradeBands ?? []).entries()) {
      if (scoreProblem(b.minScore, '1000'))
        problems.push({
          field: `gradeBands.${i}.minScore`,
          rule: 'score',
          message: 'minScore must be a non-negative score',
          message_ko: '등급 하한 점수가 올바르지 않습니다',
          value: b.minScore,
        });
    }
    if (problems.length)
      throw new DomainError(
        'invalid',
        'invalid_template',
        'The evaluation template is not valid',
        '평가지표 양식이 올바르지 않습니다',
        problems,
      );

    const repo = tx.getRepository(EvaluationTemplate);
    const latest = await repo.findOne({ where: { code: input.code }, order: { version: 'DESC' } });
    const version = input.version ?? (latest ? latest.version + 1 : 1);
    if (await repo.findOneBy({ code: input.code, version })) {
      throw conflict(
        'duplicate_template_version',
        `Template ${input.code} version ${version} exists`,
        `평가지표 ${input.code} ${version}판이 이미 있습니다`,
        'version',
      );
    }
    const template = repo.create({
      code: input.code,
      version,
      name: input.name,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
      gradeBands: input.gradeBands?.length
        ? JSON.stringify(input.gradeBands.map((b) => ({ grade: b.grade, minScore: normaliseScore(b.minScore) })))
        : null,
      note: input.note ?? null,
      createdAt: new Date(),
    });
    await tx.save(template);
    for (const [gi, g] of input.groups.entries()) {
      const group = await tx.save(
        tx
          .getRepository(EvaluationIndicatorGroup)
          .create({ templateId: template.id, seq: gi + 1, name: g.name, scope: g.scope, measure: g.measure }),
      );
      for (const [ii, ind] of g.indicators.entries()) {
        await tx.save(
          tx.getRepository(EvaluationIndicator).create({
            templateId: template.id,
            groupId: group.id,
            seq: ii + 1,
            name: ind.name,
            maxPoints: normaliseScore(ind.maxPoints),
            guidance: ind.guidance ?? null,
          }),
        );
      }
    }
    const view = await templateView(tx, template.id);
    await audit(tx, ctx, { action: 'evaluation_template.create', entity: 'evaluation_template', entityId: template.id, after: view });
    return view;
  });
}

export async function templateView(em: EntityManager, id: number): Promise<TemplateView> {
  const t = await em.getRepository(EvaluationTemplate).findOneBy({ id });
  if (!t) throw notFound(`Evaluation template ${id}`, `평가지표 양식 ${id}`, 'templateId');
  const groups = await em.getRepository(EvaluationIndicatorGroup).find({ where: { templateId: id }, order: { seq: 'ASC' } });
  const indicators = await em.getRepository(EvaluationIndicator).find({ where: { templateId: id }, order: { seq: 'ASC' } });
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
    gradeBands: t.gradeBands ? (JSON.parse(t.gradeBands) as GradeBand[]) : null,
    maxTotal: sumScores(groupViews.map((g) => g.maxPoints)),
    note: t.note,
    groups: groupViews,
  };
}

export async function listTemplates(em: EntityManager, filter: { code?: string; asOf?: string } = {}): Promise<TemplateView[]> {
  const rows = await em
    .getRepository(EvaluationTemplate)
    .find({ where: filter.code ? { code: filter.code } : {}, order: { code: 'ASC', version: 'ASC' } });
  const inForce = filter.asOf
    ? rows.filter((t) => t.effectiveFrom <= filter.asOf! && (!t.effectiveTo || t.effectiveTo >= filter.asOf!))
    : rows;
  return Promise.all(inForce.map((t) => templateView(em, t.id)));
}

// ───────────────────────────── evaluations ─────────────────────────────

export interface EvaluationInput {
  contractTermId: number;
  templateId: number;
  evaluatedBy: string;
  evaluatedOn: string;
  evaluators: string[];
  scores: { indicatorId: number; score: string; comment?: string | null }[];
  supersedesId?: number | null;
  note?: string | null;
}

export interface EvaluationView {
  id: number;
  consignmentId: number;
  contractTermId: number;
  term: { startDate: string; endDate: string };
  templateId: number;
  templateName: string;
  templateVersion: number;
  evaluatedBy: string;
  evaluatedOn: string;
  evaluators: string[];
  /** sum of the indicator scores */
  total: string;
  maxTotal: string;
  grade: string | null;
  supersedesId: number | null;
  supersededById: number | null;
  note: string | null;
  groups: {
    name: string;
    scopeKo: string;
    measureKo: string;
    maxPoints: string;
    subtotal: string;
    scores: { indicatorId: number; indicator: string; maxPoints: string; score: string; comment: string | null }[];
  }[];
}

export async function createEvaluation(
  ds: DataSource,
  ctx: RequestContext,
  input: EvaluationInput,
  em?: EntityManager,
): Promise<EvaluationView> {
  return within(ds, em, async (tx) => {
    const term = await tx.getRepository(ContractTerm).findOneBy({ id: input.contractTermId });
    if (!term) throw notFound(`Contract term ${input.contractTermId}`, `계약기간 ${input.contractTermId}`, 'contractTermId');
    const consignment = await consignmentById(tx, term.consignmentId);
    await assertConsignmentAccess(tx, ctx, consignment);
    const template = await tx.getRepository(EvaluationTemplate).findOneBy({ id: input.templateId });
    if (!template) throw notFound(`Evaluation template ${input.templateId}`, `평가지표 양식 ${input.templateId}`, 'templateId');
    if (template.effectiveFrom > input.evaluatedOn || (template.effectiveTo && template.effectiveTo < input.evaluatedOn)) {
      throw invalid(
        'templateId',
        'templateInForce',
        `Template ${template.code} v${template.version} is not in force on ${input.evaluatedOn}`,
        `평가일(${input.evaluatedOn})에 시행 중이 아닌 평가지표(${template.name} ${template.version}판)입니다`,
      );
    }
    if (input.evaluatedOn < term.startDate) {
      throw invalid(
        'evaluatedOn',
        'withinTerm',
        `The evaluation date ${input.evaluatedOn} is before the term began (${term.startDate})`,
        `평가일(${input.evaluatedOn})이 계약기간 시작일(${term.startDate})보다 앞섭니다`,
      );
    }
    if (input.supersedesId) {
      const old = await lockRow(tx, Evaluation, input.supersedesId);
      if (!old || old.contractTermId !== term.id)
        throw notFound(`Evaluation ${input.supersedesId} of this term`, `이 계약기간의 평가 ${input.supersedesId}`, 'supersedesId');
      if (await tx.getRepository(Evaluation).findOneBy({ supersedesId: old.id })) {
        throw conflict(
          'already_superseded',
          `Evaluation ${old.id} was already corrected`,
          `평가 ${old.id}은(는) 이미 정정되었습니다`,
          'supersedesId',
        );
      }
    }

    const indicators = await tx.getRepository(EvaluationIndicator).find({ where: { templateId: template.id } });
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const problems: FieldProblem[] = [];
    const seen = new Set<number>();
    input.scores.forEach((s, i) => {
      const ind = byId.get(s.indicatorId);
      if (!ind) {
        problems.push({
          field: `scores.${i}.indicatorId`,
          rule: 'indicatorOfTemplate',
          message: `indicator ${s.indicatorId} is not in the template`,
          message_ko: '평가지표 양식에 없는 지표입니다',
          value: s.indicatorId,
        });
        return;
      }
      if (seen.has(s.indicatorId))
        problems.push({
          field: `scores.${i}.indicatorId`,
          rule: 'scoredOnce',
          message: 'indicator scored twice',
          message_ko: '같은 지표를 두 번 채점했습니다',
          value: s.indicatorId,
        });
      seen.add(s.indicatorId);
      const p = scoreProblem(s.score, ind.maxPoints);
      if (p === 'decimals')
        problems.push({
          field: `scores.${i}.score`,
          rule: 'scoreDecimals',
          message: 'a score has at most two decimals',
          message_ko: '점수는 소수 둘째 자리까지입니다',
          value: s.score,
        });
      if (p === 'negative')
        problems.push({
          field: `scores.${i}.score`,
          rule: 'nonNegative',
          message: 'a score cannot be negative',
          message_ko: '점수는 0 이상이어야 합니다',
          value: s.score,
        });
      if (p === 'above_max')
        problems.push({
          field: `scores.${i}.score`,
          rule: 'atMostMaxPoints',
          message: `score above the maximum of ${ind.maxPoints}`,
          message_ko: `「${ind.name}」 배점(${ind.maxPoints}점)을 넘습니다`,
          value: s.score,
        });
    });
    for (const ind of indicators) {
      if (!seen.has(ind.id))
        problems.push({
          field: 'scores',
          rule: 'everyIndicatorScored',
          message: `indicator ${ind.id} (${ind.name}) has no score`,
          message_ko: `「${ind.name}」 지표의 점수가 없습니다`,
          value: ind.id,
        });
    }
    if (problems.length)
      throw new DomainError(
        'invalid',
        'invalid_scores',
        'The scores do not fit the template',
        '지표별 점수가 평가지표 양식과 맞지 않습니다',
        problems,
      );

    const total = sumScores(input.scores.map((s) => s.score));
    const grade = gradeFor(total, template.gradeBands ? (JSON.parse(template.gradeBands) as GradeBand[]) : null);
    const evaluation = tx.getRepository(Evaluation).create({
      consignmentId: consignment.id,
      contractTermId: term.id,
      templateId: template.id,
      evaluatedBy: input.evaluatedBy,
      evaluatedOn: input.evaluatedOn,
      evaluators: JSON.stringify(input.evaluators),
      total,
      grade,
      supersedesId: input.supersedesId ?? null,
      note: input.note ?? null,
      createdById: ctx.actor.id,
      createdAt: new Date(),
    });
    await tx.save(evaluation);
    for (const s of input.scores) {
      await tx.insert(EvaluationScore, {
        evaluationId: evaluation.id,
        indicatorId: s.indicatorId,
        score: normaliseScore(s.score),
        comment: s.comment ?? null,
      });
    }
    const view = await evaluationView(tx, evaluation.id);
    await audit(tx, ctx, {
      action: input.supersedesId ? 'evaluation.correct' : 'evaluation.create',
      entity: 'evaluation',
      entityId: evaluation.id,
      after: view,
    });
    return view;
  });
}

export async function evaluationView(em: EntityManager, id: number): Promise<EvaluationView> {
  const e = await em.getRepository(Evaluation).findOneBy({ id });
  if (!e) throw notFound(`Evaluation ${id}`, `평가 ${id}`);
  const term = await em.getRepository(ContractTerm).findOneByOrFail({ id: e.contractTermId });
  const template = await templateView(em, e.templateId);
  const scores = await em.getRepository(EvaluationScore).find({ where: { evaluationId: id } });
  const scoreOf = new Map(scores.map((s) => [s.indicatorId, s]));
  const successor = await em.getRepository(Evaluation).findOneBy({ supersedesId: id });
  const groups = template.groups.map((g) => {
    const rows = g.indicators.map((ind) => {
      const s = scoreOf.get(ind.id);
      return { indicatorId: ind.id, indicator: ind.name, maxPoints: ind.maxPoints, score: s?.score ?? '0.00', comment: s?.comment ?? null };
    });
    return {
      name: g.name,
      scopeKo: g.scopeKo,
      measureKo: g.measureKo,
      maxPoints: g.maxPoints,
      subtotal: sumScores(rows.map((r) => r.score)),
      scores: rows,
    };
  });
  return {
    id: e.id,
    consignmentId: e.consignmentId,
    contractTermId: e.contractTermId,
    term: { startDate: term.startDate, endDate: term.endDate },
    templateId: e.templateId,
    templateName: template.name,
    templateVersion: template.version,
    evaluatedBy: e.evaluatedBy,
    evaluatedOn: e.evaluatedOn,
    evaluators: JSON.parse(e.evaluators) as string[],
    total: e.total,
    maxTotal: template.maxTotal,
    grade: e.grade,
    supersedesId: e.supersedesId,
    supersededById: successor?.id ?? null,
    note: e.note,
    groups,
  };
}

export async function getEvaluation(em: EntityManager, ctx: RequestContext, id: number): Promise<EvaluationView> {
  const view = await evaluationView(em, id);
  await assertConsignmentAccess(em, ctx, await consignmentById(em, view.consignmentId));
  return view;
}

/** Evaluations not superseded by a correction. */
export async function liveEvaluations(
  em: EntityManager,
  where: { consignmentId?: number; contractTermId?: number },
): Promise<Evaluation[]> {
  const all = await em.getRepository(Evaluation).find({ where, order: { evaluatedOn: 'ASC', id: 'ASC' } });
  if (!all.length) return [];
  const superseded = new Set(
    (await em.getRepository(Evaluation).find({ where: { supersedesId: In(all.map((e) => e.id)) } })).map((e) => e.supersedesId),
  );
  return all.filter((e) => !superseded.has(e.id));
}

export async function listEvaluations(
  em: EntityManager,
  ctx: RequestContext,
  filter: { consignment: string; contractTermId?: number; includeSuperseded?: boolean },
): Promise<EvaluationView[]> {
  const consignment = await resolveConsignment(em, filter.consignment);
  await assertConsignmentAccess(em, ctx, consignment);
  const where = { consignmentId: consignment.id, ...(filter.contractTermId ? { contractTermId: filter.contractTermId } : {}) };
  const rows = filter.includeSuperseded
    ? await em.getRepository(Evaluation).find({ where, order: { evaluatedOn: 'ASC', id: 'ASC' } })
    : await liveEvaluations(em, where);
  return Promise.all(rows.map((e) => evaluationView(em, e.id)));
}
