import { DataSource } from 'typeorm';
import { Consignment, ContractTerm } from '../../entities/consignment';
import { Evaluation } from '../../entities/evaluation';
import { EvaluationIndicator, EvaluationTemplate } from '../../entities/evaluation-template';
import { RenewalDecision } from '../../entities/evaluation-renewal';
import { ActivityFigure, PerformanceIndicator, PerformanceIndicatorValue } from '../../entities/performance-indicator';
import { RuleVersion } from '../../entities/rule-version';
import { systemContext } from '../../server/context';
import { inTransaction } from '../../server/db/transaction';
import { createEvaluation } from '../../server/app/evaluations/evaluations';
import { createTemplate } from '../../server/app/evaluations/templates';
import { createIndicator, recordIndicatorValue } from '../../server/app/evaluations/indicators';
import { recordRenewalDecision } from '../../server/app/evaluations/renewal';
import {
  ACTIVITY_PERIODS,
  ACTIVITY_TABLES,
  CONSIGNMENT_CODE,
  EVALUATION_2024,
  EVALUATION_TEMPLATE,
  FACILITY,
  PERFORMANCE_INDICATORS,
  RENEWAL_DECISIONS,
  RENEWAL_RULE_VERSIONS,
} from '../data/ecommerce-performance';

/**
 * Seed 001's evaluation, renewal rules and decisions, performance indicators and activity figures of
 * the e-commerce center. Idempotent: everything is looked up first and only what is missing is added.
 */
export async function run(ds: DataSource): Promise<string> {
  const ctx = systemContext('seed:060-evaluations');
  const counts = { rules: 0, templates: 0, evaluations: 0, decisions: 0, indicators: 0, values: 0, figures: 0 };
  await inTransaction(ds, async (em) => {
    for (const v of RENEWAL_RULE_VERSIONS) {
      if (await em.getRepository(RuleVersion).findOneBy({ ruleKey: v.ruleKey, effectiveFrom: v.effectiveFrom })) continue;
      await em.insert(RuleVersion, { ...v, params: JSON.stringify(v.params) });
      counts.rules++;
    }

    // the e-commerce center and its contract history come from issue 4's step (040-consignments)
    const consignment = await em.getRepository(Consignment).findOneBy({ code: CONSIGNMENT_CODE });
    if (!consignment) return;

    let template = await em
      .getRepository(EvaluationTemplate)
      .findOneBy({ code: EVALUATION_TEMPLATE.code, version: EVALUATION_TEMPLATE.version });
    if (!template) {
      const view = await createTemplate(ds, ctx, { ...EVALUATION_TEMPLATE }, em);
      template = await em.getRepository(EvaluationTemplate).findOneByOrFail({ id: view.id });
      counts.templates++;
    }

    const terms = await em.getRepository(ContractTerm).find({ where: { consignmentId: consignment.id } });
    const termStarting = (date: string) => terms.find((t) => t.startDate === date) ?? null;

    const evalTerm = termStarting(EVALUATION_2024.termStartDate);
    if (evalTerm && !(await em.getRepository(Evaluation).findOneBy({ contractTermId: evalTerm.id }))) {
      const indicators = await em.getRepository(EvaluationIndicator).find({ where: { templateId: template.id } });
      await createEvaluation(
        ds,
        ctx,
        {
          contractTermId: evalTerm.id,
          templateId: template.id,
          evaluatedBy: EVALUATION_2024.evaluatedBy,
          evaluatedOn: EVALUATION_2024.evaluatedOn,
          evaluators: EVALUATION_2024.evaluators,
          note: EVALUATION_2024.note,
          scores: EVALUATION_2024.scores.map((s) => {
            const ind = indicators.find((i) => i.name === s.indicator);
            if (!ind) throw new Error(`seed: indicator ${s.indicator} not in template`);
            return { indicatorId: ind.id, score: s.score, comment: s.comment };
          }),
        },
        em,
      );
      counts.evaluations++;
    }

    for (const d of RENEWAL_DECISIONS) {
      const term = termStarting(d.termStartDate);
      if (!term || (await em.getRepository(RenewalDecision).findOneBy({ contractTermId: term.id, decidedOn: d.decidedOn }))) continue;
      await recordRenewalDecision(
        ds,
        ctx,
        {
          consignment: consignment.code,
          contractTermId: term.id,
          decidedOn: d.decidedOn,
          decision: d.decision,
          reason: d.reason,
          reference: d.reference,
        },
        em,
      );
      counts.decisions++;
    }

    for (const [i, spec] of PERFORMANCE_INDICATORS.entries()) {
      let indicator = await em.getRepository(PerformanceIndicator).findOneBy({ consignmentId: consignment.id, name: spec.name });
      if (!indicator) {
        const view = await createIndicator(
          ds,
          ctx,
          {
            consignment: consignment.code,
            strategicGoal: spec.strategicGoal,
            task: spec.task,
            name: spec.name,
            unit: spec.unit,
            lowerIsBetter: spec.lowerIsBetter,
            seq: i + 1,
            note: 'seed 001 연도별 성과지표 대비 실적',
          },
          em,
        );
        indicator = await em.getRepository(PerformanceIndicator).findOneByOrFail({ id: view.id });
        counts.indicators++;
      }
      for (const v of spec.values) {
        if (await em.getRepository(PerformanceIndicatorValue).findOneBy({ indicatorId: indicator.id, periodEnd: v.periodEnd })) continue;
        await recordIndicatorValue(
          ds,
          ctx,
          indicator.id,
          {
            year: v.year,
            periodEnd: v.periodEnd,
            periodLabel: v.periodLabel,
            target: v.target.replace(/,/g, ''),
            actual: v.actual.replace(/,/g, ''),
            note: v.periodEnd.endsWith('12-31') ? null : '연중 실적(’24.6월 기준)',
          },
          em,
        );
        counts.values++;
      }
    }

    if (!(await em.getRepository(ActivityFigure).findOneBy({ consignmentId: consignment.id }))) {
      const base = { consignmentId: consignment.id };
      await em.insert(ActivityFigure, {
        ...base,
        tableSeq: 0,
        tableTitle: '위탁사무 운영현황',
        rowSeq: 1,
        rowLabel: FACILITY.label,
        depth: 0,
        rowStyle: 'detail',
        periodLabel: FACILITY.periodLabel,
        periodEnd: FACILITY.periodEnd,
        value: FACILITY.value,
        unit: FACILITY.unit,
      });
      counts.figures++;
      for (const [t, table] of ACTIVITY_TABLES.entries()) {
        for (const [r, row] of table.rows.entries()) {
          for (const [p, period] of ACTIVITY_PERIODS.entries()) {
            await em.insert(ActivityFigure, {
              ...base,
              tableSeq: t + 1,
              tableTitle: table.title,
              rowSeq: r + 1,
              rowLabel: row.label,
              depth: row.depth,
              rowStyle: row.style,
              periodLabel: period.periodLabel,
              periodEnd: period.periodEnd,
              value: row.values[p],
              unit: row.unit,
            });
            counts.figures++;
          }
        }
      }
    }
  });
  return (
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') + ' added'
  );
}
