/**
 * Comprehensive-evaluation scores (종합성과평가). Scores carry decimals ("83.44", "13.5"); they are
 * kept as decimal text and added as scaled integers, so a total is exactly the sum of its parts.
 */
import { compareDecimals, Decimal, formatDecimal, parseDecimal, plainDecimal } from './money';
import { conflict, DomainError, FieldProblem, invalid, notFound } from './errors';
import { ko } from './korean-particles';

export { plainDecimal };

/** Largest number of decimals a score may carry (seed 001 prints 83.44). */
export const SCORE_DECIMALS = 2;
/** An indicator's maximum points: a score sheet totals 100 (1000 leaves room, as grade bands do). */
export const MAX_POINTS = '1000';

/** Rescales a decimal to `scale` digits after the point (never loses digits: scale ≥ d.scale). */
function rescale(d: Decimal, scale: number): bigint {
  return d.scaled * 10n ** BigInt(scale - d.scale);
}

/** Compares two decimal texts exactly: −1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  return compareDecimals(parseDecimal(a), parseDecimal(b));
}

/** Exact sum of decimal texts, printed with `decimals` places ("13.5" + "8.6" → "22.10"). */
export function sumScores(scores: Iterable<string>, decimals = SCORE_DECIMALS): string {
  let total = 0n;
  for (const s of scores) {
    const d = parseDecimal(s);
    if (d.scale > decimals) throw new RangeError(`score ${s} has more than ${decimals} decimals`);
    total += rescale(d, decimals);
  }
  return plainDecimal({ scaled: total, scale: decimals });
}

/** Normalises a score to `decimals` places ("13.5" → "13.50"). */
export function normaliseScore(score: string, decimals = SCORE_DECIMALS): string {
  return sumScores([score], decimals);
}

/** A score as printed in the reports: "83.44" stays "83.44", "86.0" keeps its one decimal. */
export function formatScore(score: string): string {
  return formatDecimal(parseDecimal(score));
}

export function decimalPlaces(text: string): number {
  return parseDecimal(text).scale;
}

/** Problems with a score against its indicator's maximum: too many decimals, negative, above the maximum. */
export function scoreProblem(score: string, maxPoints: string): 'decimals' | 'negative' | 'above_max' | null {
  if (decimalPlaces(score) > SCORE_DECIMALS) return 'decimals';
  if (compareDecimal(score, '0') < 0) return 'negative';
  if (compareDecimal(score, maxPoints) > 0) return 'above_max';
  return null;
}

export interface GradeBand {
  /** e.g. "우수" */
  grade: string;
  /** inclusive lower bound, decimal text */
  minScore: string;
}

/** The grade of a total under a template's bands (highest band whose lower bound the total reaches). */
export function gradeFor(total: string, bands: GradeBand[] | null | undefined): string | null {
  if (!bands || bands.length === 0) return null;
  const sorted = [...bands].sort((a, b) => compareDecimal(b.minScore, a.minScore));
  for (const band of sorted) if (compareDecimal(total, band.minScore) >= 0) return band.grade;
  return null;
}

// ───────────────────────────── templates ─────────────────────────────

/** What a template's validity depends on: its dates, its groups' indicators and its grade bands. */
export interface TemplateDraft {
  effectiveFrom: string;
  effectiveTo?: string | null;
  gradeBands?: GradeBand[] | null;
  groups: { indicators: { maxPoints: string }[] }[];
}

/**
 * A template is valid when it ends after it starts, has at least one group with at least one
 * indicator each, every maximum is a positive score of at most MAX_POINTS, and every grade band's
 * lower bound is a score.
 */
export function templateProblems(input: TemplateDraft): FieldProblem[] {
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
      if (compareDecimal(ind.maxPoints, '0') <= 0 || scoreProblem(ind.maxPoints, MAX_POINTS)) {
        problems.push({
          field: `groups.${gi}.indicators.${ii}.maxPoints`,
          rule: 'positiveScore',
          message: `maxPoints must be positive, at most ${MAX_POINTS}, with at most two decimals`,
          message_ko: `배점은 ${MAX_POINTS}점 이하, 소수 둘째 자리까지의 양수여야 합니다`,
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
  return problems;
}

/** Refuses an invalid template (invalid_template) with every problem found. */
export function assertTemplateValid(input: TemplateDraft): void {
  const problems = templateProblems(input);
  if (problems.length)
    throw new DomainError(
      'invalid',
      'invalid_template',
      'The evaluation template is not valid',
      '평가지표 양식이 올바르지 않습니다',
      problems,
    );
}

/** The grade bands as stored: minimum scores normalised; null when there are none. */
export function gradeBandsText(bands: GradeBand[] | null | undefined): string | null {
  return bands?.length ? JSON.stringify(bands.map((b) => ({ grade: b.grade, minScore: normaliseScore(b.minScore) }))) : null;
}

/** The grade bands of a stored template (null when it has none). */
export function parseGradeBands(text: string | null): GradeBand[] | null {
  return text ? (JSON.parse(text) as GradeBand[]) : null;
}

/** The version of a template code a new template gets: the one asked for, else the next after the latest. */
export function nextTemplateVersion(asked: number | undefined, latest: number | null): number {
  return asked ?? (latest !== null ? latest + 1 : 1);
}

/** Whether a template version is in force on a day (from its first day to its last, inclusive). */
export function templateInForce(t: { effectiveFrom: string; effectiveTo: string | null }, day: string): boolean {
  return t.effectiveFrom <= day && (!t.effectiveTo || t.effectiveTo >= day);
}

// ───────────────────────────── evaluations ─────────────────────────────

/** An evaluation is scored on a template in force on the evaluation date. */
export function assertTemplateInForce(
  t: { code: string; version: number; name: string; effectiveFrom: string; effectiveTo: string | null },
  evaluatedOn: string,
): void {
  if (!templateInForce(t, evaluatedOn)) {
    throw invalid(
      'templateId',
      'templateInForce',
      `Template ${t.code} v${t.version} is not in force on ${evaluatedOn}`,
      `평가일(${evaluatedOn})에 시행 중이 아닌 평가지표(${t.name} ${t.version}판)입니다`,
    );
  }
}

/** An evaluation is not dated before its contract term began. */
export function assertWithinTerm(term: { startDate: string }, evaluatedOn: string): void {
  if (evaluatedOn < term.startDate) {
    throw invalid(
      'evaluatedOn',
      'withinTerm',
      `The evaluation date ${evaluatedOn} is before the term began (${term.startDate})`,
      `평가일(${evaluatedOn})이 계약기간 시작일(${term.startDate})보다 앞섭니다`,
    );
  }
}

/** A correction replaces an evaluation of the same term that was not corrected yet. */
export function assertMayCorrect(
  supersedesId: number,
  old: { id: number; contractTermId: number } | null,
  contractTermId: number,
  alreadyCorrected: boolean,
): void {
  if (!old || old.contractTermId !== contractTermId)
    throw notFound(`Evaluation ${supersedesId} of this term`, `이 계약기간의 평가 ${supersedesId}`, 'supersedesId');
  if (alreadyCorrected) {
    throw conflict(
      'already_superseded',
      `Evaluation ${old.id} was already corrected`,
      ko`평가 ${old.id}은/는 이미 정정되었습니다`,
      'supersedesId',
    );
  }
}

export interface TemplateIndicatorFact {
  id: number;
  name: string;
  maxPoints: string;
}

export interface IndicatorScoreInput {
  indicatorId: number;
  score: string;
}

/**
 * How a score sheet fails its template: an indicator not of the template or scored twice, a score
 * with more than two decimals, negative or above the indicator's points, an indicator left unscored.
 */
export function scoreSheetProblems(indicators: TemplateIndicatorFact[], scores: IndicatorScoreInput[]): FieldProblem[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  scores.forEach((s, i) => {
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
  return problems;
}

/** Refuses a score sheet that does not fit its template (invalid_scores) with every problem found. */
export function assertScoresFit(indicators: TemplateIndicatorFact[], scores: IndicatorScoreInput[]): void {
  const problems = scoreSheetProblems(indicators, scores);
  if (problems.length)
    throw new DomainError(
      'invalid',
      'invalid_scores',
      'The scores do not fit the template',
      '지표별 점수가 평가지표 양식과 맞지 않습니다',
      problems,
    );
}

/** The total of a score sheet (never typed: the exact sum of its scores) and its grade under the bands. */
export function evaluationResult(scores: IndicatorScoreInput[], bands: GradeBand[] | null): { total: string; grade: string | null } {
  const total = sumScores(scores.map((s) => s.score));
  return { total, grade: gradeFor(total, bands) };
}

/** A web form's term must be one of the consignment's own terms. */
export function assertTermOfConsignment(termIds: number[], contractTermId: number): void {
  if (!termIds.includes(contractTermId))
    throw new DomainError(
      'invalid',
      'term_of_consignment',
      'The contract term is not one of this consignment',
      '이 위탁사무의 계약기간이 아닙니다',
      [
        {
          field: 'contractTermId',
          rule: 'termOfConsignment',
          message: 'not a term of this consignment',
          message_ko: '이 위탁사무의 계약기간을 고르십시오',
        },
      ],
    );
}

/** Records not replaced by a correction (a correction names what it replaces in supersedesId). */
export function notSuperseded<T extends { id: number }>(rows: T[], superseded: Set<number | null>): T[] {
  return rows.filter((r) => !superseded.has(r.id));
}
