/**
 * The renewal verdict (재계약 여부) at the end of a contract term — domain.md §8, seed 001's
 * 「재위탁 공개모집(재계약 배제) 사유」. Renewal is excluded and a re-tender (재위탁 공개모집) required when:
 *   ① the comprehensive-evaluation total is below the bar of the rule in force on the evaluation date;
 *   ② the selection committee (적격자심의위원회) scored the operator below its bar;
 *   ③ the same finding went uncorrected N or more times without cause;
 *   ④ serious misconduct (성희롱·성폭력·인권침해, 횡령, 부당노동행위 …) was punished (행정처분 또는 벌금 이상);
 *   ⑤ an audit sanction was judged relevant by the evaluation committee (민간위탁운영평가위원회).
 * Pure: every fact and rule version comes in as data; thresholds are never constants here.
 */
import { versionOn } from './rule-versions';
import { compareDecimal, formatScore, scoreProblem } from './evaluation';
import { invalid } from './errors';
import { ko } from './korean-particles';

export interface RuleVersionFact<P> {
  id: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  params: P;
}

export interface ScoreRuleParams {
  minScore: number | string;
}

export interface RepeatRuleParams {
  minRepeats: number;
}

export interface RenewalRules {
  /** versions of renewal_min_score (①), oldest first */
  evaluationMinScore: RuleVersionFact<ScoreRuleParams>[];
  /** versions of renewal_selection_min_score (②) */
  selectionMinScore: RuleVersionFact<ScoreRuleParams>[];
  /** versions of renewal_uncorrected_repeat_limit (③) */
  uncorrectedRepeatLimit: RuleVersionFact<RepeatRuleParams>[];
}

export interface EvaluationFact {
  id: number;
  total: string;
  evaluatedOn: string;
  evaluatedBy: string;
}

export interface SelectionScoreFact {
  id: number;
  score: string;
  date: string;
  description?: string | null;
}

export interface RepeatFindingChainFact {
  /** what was found, e.g. "입찰공고를 나라장터에 게시하지 않음" */
  title: string;
  /** every finding of the chain, oldest first */
  findingIds: number[];
  /** how many times it was left uncorrected */
  uncorrectedCount: number;
  /** a justified cause (정당한 사유) accepted for leaving it uncorrected */
  justified?: boolean;
}

export interface EventFact {
  id: number;
  date: string;
  decision: string;
  description: string;
  reference?: string | null;
}

export interface AuditSanctionFact extends EventFact {
  /** the evaluation committee judged a sanction necessary (민간위탁운영평가위원회에서 제재가 필요하다고 판단) */
  committeeRelevant: boolean;
  committeeDecidedOn?: string | null;
}

export interface CityDecisionFact {
  id: number;
  decidedOn: string;
  decision: 'renewal' | 'retender';
  reason: string;
}

export interface RenewalFacts {
  evaluation: EvaluationFact | null;
  selectionScore: SelectionScoreFact | null;
  /** null when inspection findings are not available to judge ③ */
  repeatChains: RepeatFindingChainFact[] | null;
  misconduct: EventFact[];
  auditSanctions: AuditSanctionFact[];
  cityDecision: CityDecisionFact | null;
}

export type ReasonCode =
  'low_evaluation_score' | 'low_selection_score' | 'uncorrected_repeat_finding' | 'serious_misconduct' | 'audit_sanction';

export interface RenewalReason {
  /** ① … ⑤ as the guideline numbers them */
  number: 1 | 2 | 3 | 4 | 5;
  mark: string;
  code: ReasonCode;
  message: string;
  messageKo: string;
  /** the facts and the rule version the reason rests on */
  evidence: Record<string, unknown>;
}

export type RenewalOutcome =
  /** no reason applies and the city has not chosen otherwise */
  | 'renewal_allowed'
  /** a reason applies: re-tender required */
  | 'retender_required'
  /** renewal was allowed, but the city chose a re-tender anyway (with its reason) */
  | 'retender_chosen';

export interface RenewalVerdict {
  renewalAllowed: boolean;
  outcome: RenewalOutcome;
  reasons: RenewalReason[];
  /** facts that could not be judged (no evaluation, no rule in force, no inspection data) */
  notJudged: { code: string; messageKo: string }[];
  cityDecision: CityDecisionFact | null;
  summaryKo: string;
}

export { versionOn };

const MARKS = ['①', '②', '③', '④', '⑤'] as const;

function ruleEvidence<P>(v: RuleVersionFact<P>) {
  return { ruleVersionId: v.id, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, source: v.source, params: v.params };
}

/** The criteria as the guideline states them, with the bars of the versions given (for printing). */
export function criteriaTextKo(bars: { evaluationMinScore: string; selectionMinScore: string; minRepeats: number | string }): string[] {
  return [
    `① 종합성과평가 결과가 ${bars.evaluationMinScore}점 미만인 경우`,
    `② 수탁자 선정을 위한 적격자심의위원회 심사결과 평가점수 ${bars.selectionMinScore}점 미만인 경우`,
    `③ 지도·점검, 종합성과평가, 감사 결과 동일한 지적사항에 대하여 정당한 사유 없이 ${bars.minRepeats}회 이상 시정조치하지 않은 경우`,
    '④ 위탁기간 중 법인 및 시설 종사자가 성희롱·성폭력·인권침해, 사업비 횡령, 부당 노동행위 등 주요 비위로 행정처분 또는 벌금 이상의 처벌을 받은 경우',
    '⑤ 법인 및 시설 종사자가 감사기관의 징계 등 제재(환수 등) 결정을 받고 민간위탁운영평가위원회에서 제재가 필요하다고 판단한 경우',
  ];
}

export function renewalVerdict(facts: RenewalFacts, rules: RenewalRules): RenewalVerdict {
  const reasons: RenewalReason[] = [];
  const notJudged: RenewalVerdict['notJudged'] = [];
  const add = (number: RenewalReason['number'], code: ReasonCode, message: string, messageKo: string, evidence: Record<string, unknown>) =>
    reasons.push({ number, mark: MARKS[number - 1], code, message, messageKo, evidence });

  // ① evaluation total against the bar in force on the evaluation date
  if (!facts.evaluation) {
    notJudged.push({ code: 'no_evaluation', messageKo: '종합성과평가 결과가 없어 ①을 판단할 수 없음' });
  } else {
    const ev = facts.evaluation;
    const rule = versionOn(rules.evaluationMinScore, ev.evaluatedOn);
    if (!rule) {
      notJudged.push({ code: 'no_rule_in_force', messageKo: `평가일(${ev.evaluatedOn})에 적용되는 재계약 기준점수 규칙이 없음` });
    } else if (compareDecimal(ev.total, String(rule.params.minScore)) < 0) {
      add(
        1,
        'low_evaluation_score',
        `Evaluation total ${ev.total} is below ${rule.params.minScore} (rule in force on ${ev.evaluatedOn})`,
        `종합성과평가 결과 ${formatScore(ev.total)}점이 평가일(${ev.evaluatedOn}) 기준 재계약 기준 ${rule.params.minScore}점 미만`,
        { evaluationId: ev.id, total: ev.total, evaluatedOn: ev.evaluatedOn, evaluatedBy: ev.evaluatedBy, rule: ruleEvidence(rule) },
      );
    }
  }

  // ② selection committee score
  if (facts.selectionScore) {
    const s = facts.selectionScore;
    const rule = versionOn(rules.selectionMinScore, s.date);
    if (!rule) notJudged.push({ code: 'no_rule_in_force', messageKo: `심사일(${s.date})에 적용되는 적격자심의 기준점수 규칙이 없음` });
    else if (compareDecimal(s.score, String(rule.params.minScore)) < 0) {
      add(
        2,
        'low_selection_score',
        `Selection committee score ${s.score} is below ${rule.params.minScore}`,
        `적격자심의위원회 심사결과 ${formatScore(s.score)}점이 기준 ${rule.params.minScore}점 미만`,
        { selectionFactId: s.id, score: s.score, date: s.date, rule: ruleEvidence(rule) },
      );
    }
  }

  // ③ the same finding left uncorrected N or more times without cause (judged on the evaluation date, else today's rule)
  const judgeDate = facts.evaluation?.evaluatedOn ?? facts.cityDecision?.decidedOn ?? null;
  if (facts.repeatChains === null) {
    notJudged.push({ code: 'no_inspection_data', messageKo: '지도점검 지적사항 자료가 없어 ③을 판단할 수 없음' });
  } else {
    const history = rules.uncorrectedRepeatLimit;
    const rule = judgeDate ? versionOn(history, judgeDate) : (history[history.length - 1] ?? null);
    if (!rule) notJudged.push({ code: 'no_rule_in_force', messageKo: '동일 지적사항 반복 기준 규칙이 없음' });
    else {
      for (const chain of facts.repeatChains) {
        if (chain.justified || chain.uncorrectedCount < rule.params.minRepeats) continue;
        add(
          3,
          'uncorrected_repeat_finding',
          `The finding "${chain.title}" went uncorrected ${chain.uncorrectedCount} times (limit ${rule.params.minRepeats})`,
          ko`동일 지적사항 「${chain.title}」을/를 정당한 사유 없이 ${chain.uncorrectedCount}회 시정하지 않음 (기준 ${rule.params.minRepeats}회 이상)`,
          { title: chain.title, uncorrectedCount: chain.uncorrectedCount, findingIds: chain.findingIds, rule: ruleEvidence(rule) },
        );
      }
    }
  }

  // ④ serious misconduct punished
  for (const m of facts.misconduct) {
    add(
      4,
      'serious_misconduct',
      `Serious misconduct punished on ${m.date}: ${m.decision}`,
      `주요 비위로 처벌(${m.date}): ${m.description} — ${m.decision}`,
      { factId: m.id, date: m.date, description: m.description, decision: m.decision, reference: m.reference ?? null },
    );
  }

  // ⑤ audit sanctions the evaluation committee judged relevant
  for (const a of facts.auditSanctions) {
    if (!a.committeeRelevant) continue;
    add(
      5,
      'audit_sanction',
      `Audit sanction of ${a.date} judged relevant by the evaluation committee`,
      `감사기관 제재(${a.date}): ${a.description} — ${a.decision}; 민간위탁운영평가위원회가 제재 필요로 판단${a.committeeDecidedOn ? `(${a.committeeDecidedOn})` : ''}`,
      {
        factId: a.id,
        date: a.date,
        description: a.description,
        decision: a.decision,
        committeeDecidedOn: a.committeeDecidedOn ?? null,
        reference: a.reference ?? null,
      },
    );
  }

  reasons.sort((a, b) => a.number - b.number);
  const renewalAllowed = reasons.length === 0;
  const chosenRetender = renewalAllowed && facts.cityDecision?.decision === 'retender';
  const outcome: RenewalOutcome = !renewalAllowed ? 'retender_required' : chosenRetender ? 'retender_chosen' : 'renewal_allowed';
  const scoreText = facts.evaluation ? `종합성과평가(${formatScore(facts.evaluation.total)}점) ` : '';
  const summaryKo =
    outcome === 'retender_required'
      ? `재계약 배제 사유 ${reasons.map((r) => r.mark).join('')}에 해당하여 재위탁(공개모집) 대상임`
      : outcome === 'retender_chosen'
        ? `${scoreText}등을 고려할 때 재계약 대상이나, 서울시는 재위탁(공개모집)을 선택함 — 사유: ${facts.cityDecision!.reason}`
        : `${scoreText}등을 고려할 때 재계약 배제 사유에 해당하지 않아 재계약 가능함`;
  return { renewalAllowed, outcome, reasons, notJudged, cityDecision: facts.cityDecision, summaryKo };
}

// ───────────────────────────── recording facts ─────────────────────────────

export type RenewalFactKindName = 'selection_score' | 'misconduct' | 'audit_sanction';

/**
 * What a renewal fact must carry: a selection-committee fact its score (0–100, two decimals) and no
 * other kind a score; misconduct and audit sanctions the decision; an audit sanction the evaluation
 * committee's judgement, which no other kind carries.
 */
export function assertRenewalFact(input: {
  kind: RenewalFactKindName;
  score?: string | null;
  decision?: string | null;
  committeeRelevant?: boolean | null;
}): void {
  if (input.kind === 'selection_score') {
    if (input.score === undefined || input.score === null)
      throw invalid('score', 'required', 'a selection-committee fact needs the score', '적격자심의 점수를 입력하십시오');
    if (scoreProblem(input.score, '100'))
      throw invalid('score', 'score', 'score must be 0–100 with at most two decimals', '점수는 0~100, 소수 둘째 자리까지입니다');
  } else if (input.score !== undefined && input.score !== null) {
    throw invalid('score', 'onlyForSelection', 'only a selection-committee fact carries a score', '점수는 적격자심의 결과에만 입력합니다');
  }
  if ((input.kind === 'misconduct' || input.kind === 'audit_sanction') && !input.decision) {
    throw invalid('decision', 'required', 'the decision (처분·제재) is required', '처분(제재) 내용을 입력하십시오');
  }
  if (input.kind === 'audit_sanction' && (input.committeeRelevant === undefined || input.committeeRelevant === null)) {
    throw invalid(
      'committeeRelevant',
      'required',
      "the evaluation committee's judgement is required for an audit sanction",
      '민간위탁운영평가위원회의 제재 필요 여부를 입력하십시오',
    );
  }
  if (input.kind !== 'audit_sanction' && input.committeeRelevant !== undefined && input.committeeRelevant !== null) {
    throw invalid(
      'committeeRelevant',
      'onlyForAuditSanction',
      'committeeRelevant applies to audit sanctions only',
      '위원회 판단은 감사 제재에만 입력합니다',
    );
  }
}

// ───────────────────────────── gathering the verdict's facts ─────────────────────────────

/** An evaluation as the verdict reads it. */
export interface EvaluationRecord extends EvaluationFact {
  contractTermId: number;
}

/** A recorded renewal fact as the verdict reads it. */
export interface RenewalFactRecord {
  id: number;
  contractTermId: number | null;
  kind: RenewalFactKindName;
  factDate: string;
  score: string | null;
  description: string;
  decision: string | null;
  committeeRelevant: boolean | null;
  committeeDecidedOn: string | null;
  reference: string | null;
}

/** The latest of some evaluations (by date, then by id); null when there are none. */
export function latestEvaluation<E extends { id: number; evaluatedOn: string }>(evaluations: E[]): E | null {
  return [...evaluations].sort((a, b) => a.evaluatedOn.localeCompare(b.evaluatedOn) || a.id - b.id).pop() ?? null;
}

/**
 * The facts the verdict on a term rests on: known on asOf, and of that term (a fact naming no term
 * belongs to the term it falls in, i.e. dated on or after its start).
 */
export function factsOfTerm<F extends { factDate: string; contractTermId: number | null }>(
  facts: F[],
  term: { id: number; startDate: string } | null,
  asOf: string,
): F[] {
  return facts.filter(
    (f) => f.factDate <= asOf && (f.contractTermId ? f.contractTermId === term?.id : !term || f.factDate >= term.startDate),
  );
}

/** The verdict's input from the records: the judged evaluation, the latest selection score, misconduct, sanctions and the city's latest decision. */
export function renewalFactsOf(records: {
  evaluation: EvaluationRecord | null;
  facts: RenewalFactRecord[];
  repeatChains: RepeatFindingChainFact[] | null;
  decision: CityDecisionFact | null;
}): RenewalFacts {
  const { evaluation, facts, decision } = records;
  const selection = facts.filter((f) => f.kind === 'selection_score').pop() ?? null;
  return {
    evaluation: evaluation
      ? { id: evaluation.id, total: evaluation.total, evaluatedOn: evaluation.evaluatedOn, evaluatedBy: evaluation.evaluatedBy }
      : null,
    selectionScore: selection
      ? { id: selection.id, score: selection.score!, date: selection.factDate, description: selection.description }
      : null,
    repeatChains: records.repeatChains,
    misconduct: facts
      .filter((f) => f.kind === 'misconduct')
      .map((f) => ({ id: f.id, date: f.factDate, decision: f.decision ?? '', description: f.description, reference: f.reference })),
    auditSanctions: facts
      .filter((f) => f.kind === 'audit_sanction')
      .map((f) => ({
        id: f.id,
        date: f.factDate,
        decision: f.decision ?? '',
        description: f.description,
        reference: f.reference,
        committeeRelevant: Boolean(f.committeeRelevant),
        committeeDecidedOn: f.committeeDecidedOn,
      })),
    cityDecision: decision
      ? { id: decision.id, decidedOn: decision.decidedOn, decision: decision.decision, reason: decision.reason }
      : null,
  };
}

/** The criteria as printed with the bars of the versions in force: on the evaluation date (or asOf), the selection date for ②. */
export function criteriaInForceKo(rules: RenewalRules, judgeDate: string, selectionDate: string | null): string[] {
  const bar = (v: { params: ScoreRuleParams } | null) => (v ? String(v.params.minScore) : '?');
  const repeat = versionOn(rules.uncorrectedRepeatLimit, judgeDate);
  return criteriaTextKo({
    evaluationMinScore: bar(versionOn(rules.evaluationMinScore, judgeDate)),
    selectionMinScore: bar(versionOn(rules.selectionMinScore, selectionDate ?? judgeDate)),
    minRepeats: repeat ? repeat.params.minRepeats : '?',
  });
}

/** Whether a total passes the renewal bar in force on a date (null when no rule is in force). */
export function passesRenewalBar(rules: RenewalRules, total: string, date: string): boolean | null {
  const v = versionOn(rules.evaluationMinScore, date);
  return v ? compareDecimal(total, String(v.params.minScore)) >= 0 : null;
}
