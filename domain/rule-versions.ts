import { DomainError, FieldProblem } from './errors';

/**
 * Rules that change over time (the 전용 reporting deadline, the renewal score bar, …) are stored as
 * dated versions; a fact is judged by the version in force on its own date.
 */
export interface DatedVersion {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The version in force on a date: the latest that started on or before it and has not ended. */
export function versionOn<V extends DatedVersion>(history: readonly V[], date: string): V | null {
  let found: V | null = null;
  for (const v of [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))) {
    if (v.effectiveFrom <= date && (!v.effectiveTo || v.effectiveTo >= date)) found = v;
  }
  return found;
}

// ---- adding a version (the administrator's rule page and POST /api/rule-versions) ----

type ParamCheck = (params: Record<string, unknown>) => FieldProblem[];

const problem = (field: string, rule: string, message: string, messageKo: string, value?: unknown): FieldProblem => ({
  field,
  rule,
  message,
  message_ko: messageKo,
  value,
});

const onlyKeys = (params: Record<string, unknown>, keys: string[]): FieldProblem[] =>
  Object.keys(params)
    .filter((k) => !keys.includes(k))
    .map((k) =>
      problem(
        `params.${k}`,
        'unknownParam',
        `params.${k} is not a parameter of this rule (expected ${keys.join(', ')})`,
        '이 규칙에 없는 매개변수입니다',
        params[k],
      ),
    );

const isDecimalScore = (v: unknown) =>
  (typeof v === 'string' && /^\d{1,4}(\.\d{1,2})?$/.test(v.trim())) ||
  (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 10_000 && Math.round(v * 100) === v * 100);

const scoreRule: ParamCheck = (p) => [
  ...onlyKeys(p, ['minScore']),
  ...(isDecimalScore(p.minScore)
    ? []
    : [
        problem(
          'params.minScore',
          'isDecimalText',
          'minScore must be a non-negative score with at most two decimals, e.g. "75"',
          '최저 점수는 소수 둘째 자리까지의 0 이상 점수여야 합니다 (예: 75)',
          p.minScore,
        ),
      ]),
];

/**
 * One parameter of a rule as the administrator's form asks for it: a whole number (분기, 회) or a
 * decimal text (점수, 비율), with its Korean label and unit.
 */
export interface RuleParam {
  key: string;
  label: string;
  kind: 'integer' | 'decimal';
  unit: string;
  hint: string;
}

export interface KnownRule {
  label: string;
  /** what the rule decides, in a sentence for the administrator */
  description: string;
  params: RuleParam[];
  example: Record<string, unknown>;
  check: ParamCheck;
}

const MIN_SCORE: RuleParam = { key: 'minScore', label: '최저 점수', kind: 'decimal', unit: '점', hint: '소수 둘째 자리까지, 예: 75' };

/**
 * The parameter shape of each rule the code reads (see domain/transfer-deadline.ts,
 * domain/renewal.ts and domain/consignment-settlement.ts); a version of one of these keys is checked
 * against it, and the administrator's form asks for each parameter by its label.
 */
export const KNOWN_RULES: Record<string, KnownRule> = {
  transfer_report_deadline: {
    label: '전용 상임위 보고 기한',
    description: '예산 전용을 소관 상임위원회에 보고해야 하는 기한: 전용이 속한 분기 뒤 몇 분기 말까지인지',
    params: [{ key: 'quartersAfter', label: '보고 기한', kind: 'integer', unit: '분기 뒤', hint: '0~8, 예: 1 (다음 분기 말)' }],
    example: { quartersAfter: 1 },
    check: (p) => [
      ...onlyKeys(p, ['quartersAfter']),
      ...(Number.isInteger(p.quartersAfter) && (p.quartersAfter as number) >= 0 && (p.quartersAfter as number) <= 8
        ? []
        : [
            problem(
              'params.quartersAfter',
              'isInt',
              'quartersAfter must be a whole number of quarters from 0 to 8',
              '보고 기한은 0~8 사이의 정수(분기 수)여야 합니다',
              p.quartersAfter,
            ),
          ]),
    ],
  },
  renewal_min_score: {
    label: '재계약 기준 종합성과평가 점수',
    description: '재위탁(재계약)을 검토할 수 있는 종합성과평가 최저 점수',
    params: [MIN_SCORE],
    example: { minScore: '75' },
    check: scoreRule,
  },
  renewal_selection_min_score: {
    label: '적격자심의 최저 점수',
    description: '수탁기관 선정 적격자심의를 통과하는 최저 점수',
    params: [MIN_SCORE],
    example: { minScore: '70' },
    check: scoreRule,
  },
  consignment_overspend_margin: {
    label: '정산 비목 초과 표시 비율',
    description: '정산서에서 비목별 집행액이 교부계획 비목 금액을 이 비율보다 많이 넘으면 표시',
    params: [{ key: 'percent', label: '초과 비율', kind: 'decimal', unit: '%', hint: '소수 둘째 자리까지, 예: 10' }],
    example: { percent: '10' },
    check: (p) => [
      ...onlyKeys(p, ['percent']),
      ...(isDecimalScore(p.percent)
        ? []
        : [
            problem(
              'params.percent',
              'isDecimalText',
              'percent must be a non-negative number with at most two decimals, e.g. "10"',
              '초과 비율은 소수 둘째 자리까지의 0 이상 숫자여야 합니다 (예: 10)',
              p.percent,
            ),
          ]),
    ],
  },
  renewal_uncorrected_repeat_limit: {
    label: '미시정 반복 지적 한도',
    description: '같은 지적사항을 정당한 사유 없이 이 횟수 이상 시정하지 않으면 재위탁에서 제외',
    params: [{ key: 'minRepeats', label: '반복 횟수', kind: 'integer', unit: '회 이상', hint: '1~100, 예: 3' }],
    example: { minRepeats: 3 },
    check: (p) => [
      ...onlyKeys(p, ['minRepeats']),
      ...(Number.isInteger(p.minRepeats) && (p.minRepeats as number) >= 1 && (p.minRepeats as number) <= 100
        ? []
        : [
            problem(
              'params.minRepeats',
              'isInt',
              'minRepeats must be a whole number from 1 to 100',
              '반복 횟수는 1~100 사이의 정수여야 합니다',
              p.minRepeats,
            ),
          ]),
    ],
  },
};

/** The calendar day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export interface NewRuleVersionInput {
  ruleKey: unknown;
  /** YYYY-MM-DD */
  effectiveFrom: unknown;
  /** JSON object */
  params: unknown;
  source: unknown;
}

/** A new version as it is written: key and source trimmed, params the checked object. */
export interface NewRuleVersion {
  ruleKey: string;
  effectiveFrom: string;
  params: Record<string, unknown>;
  source: string;
}

/**
 * The fields of a new version: a lower-case key, a calendar date, a source of at most 500
 * characters, a JSON object of at most 2000 characters, of the shape a known rule reads. Every
 * broken rule is named at once.
 */
export function checkNewRuleVersion(input: NewRuleVersionInput): NewRuleVersion {
  const problems: FieldProblem[] = [];
  const ruleKey = typeof input.ruleKey === 'string' ? input.ruleKey.trim() : '';
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (!/^[a-z][a-z0-9_]{1,59}$/.test(ruleKey))
    problems.push(
      problem(
        'ruleKey',
        'pattern',
        'ruleKey must be lower-case letters, digits and _',
        '규칙 키는 영문 소문자·숫자·_ 로 씁니다',
        input.ruleKey,
      ),
    );
  if (!isCalendarDate(input.effectiveFrom))
    problems.push(
      problem(
        'effectiveFrom',
        'isCalendarDate',
        'effectiveFrom must be a date YYYY-MM-DD',
        '시행일은 YYYY-MM-DD 형식의 있는 날짜여야 합니다',
        input.effectiveFrom,
      ),
    );
  if (!source || source.length > 500)
    problems.push(
      problem('source', 'required', 'source is required (at most 500 characters)', '근거(출처)를 500자 이내로 입력하십시오', input.source),
    );
  const params = input.params;
  const isObject = params !== null && typeof params === 'object' && !Array.isArray(params);
  if (!isObject)
    problems.push(
      problem('params', 'isObject', 'params must be a JSON object', '매개변수는 JSON 객체여야 합니다 (예: {"quartersAfter": 1})', params),
    );
  else if (JSON.stringify(params).length > 2000)
    problems.push(
      problem('params', 'maxLength', 'params must be at most 2000 characters of JSON', '매개변수가 너무 깁니다 (JSON 2000자 이내)'),
    );
  const known = KNOWN_RULES[ruleKey];
  if (known && isObject) problems.push(...known.check(params as Record<string, unknown>));
  if (problems.length)
    throw new DomainError('invalid', 'invalid_rule_version', 'The rule version is not valid', '규칙 버전이 올바르지 않습니다', problems);
  return { ruleKey, effectiveFrom: input.effectiveFrom as string, params: params as Record<string, unknown>, source };
}

/**
 * Where a new version of a rule goes, given the latest version of its key (null when there is
 * none). A key the code does not read may only be continued, never started. Versions only ever
 * follow one another: the new one must start after the latest (and after its end, if it has one).
 * When the latest is open-ended it is closed on the day before the new one starts — the only change
 * ever made to an existing version.
 */
export function placeNewVersion(ruleKey: string, effectiveFrom: string, latest: DatedVersion | null): { closeLatestOn: string | null } {
  if (!KNOWN_RULES[ruleKey] && !latest) {
    throw new DomainError('invalid', 'unknown_rule', `No rule ${ruleKey} is known`, '알 수 없는 규칙입니다', [
      problem(
        'ruleKey',
        'knownRule',
        `ruleKey must be one of ${Object.keys(KNOWN_RULES).join(', ')} or an existing rule`,
        '목록에 있는 규칙을 고르십시오',
        ruleKey,
      ),
    ]);
  }
  if (!latest) return { closeLatestOn: null };
  const bound = latest.effectiveTo && latest.effectiveTo > latest.effectiveFrom ? latest.effectiveTo : latest.effectiveFrom;
  if (effectiveFrom <= bound) {
    const byEnd = bound === latest.effectiveTo;
    const message = byEnd
      ? `A new version of ${ruleKey} must start after ${bound}, the end of the latest version (${latest.effectiveFrom} ~ ${latest.effectiveTo})`
      : `A new version of ${ruleKey} must start after ${bound}, the start of the latest version`;
    const messageKo = byEnd
      ? `${ruleLabelKo(ruleKey)}의 새 버전은 최근 버전(${latest.effectiveFrom} ~ ${latest.effectiveTo})이 끝난 ${bound} 뒤에 시작해야 합니다`
      : `${ruleLabelKo(ruleKey)}의 새 버전은 최근 버전의 시행일 ${bound} 뒤에 시작해야 합니다 (기존 버전은 고칠 수 없습니다)`;
    throw new DomainError(
      'conflict',
      'not_after_latest_version',
      message,
      '규칙 버전을 추가하지 못했습니다',
      [{ field: 'effectiveFrom', rule: 'afterLatestVersion', message, message_ko: messageKo, value: effectiveFrom }],
      {
        latestEffectiveFrom: latest.effectiveFrom,
        latestEffectiveTo: latest.effectiveTo ?? '(없음)',
        requestedEffectiveFrom: effectiveFrom,
      },
    );
  }
  return { closeLatestOn: latest.effectiveTo === null ? dayBefore(effectiveFrom) : null };
}

/** A rule's Korean name ("이 규칙" for a key the code does not read). */
export function ruleLabelKo(ruleKey: string): string {
  return KNOWN_RULES[ruleKey]?.label ?? '이 규칙';
}

/**
 * The parameters of a version as typed in the administrator's form (one labelled input per
 * parameter, named param_<key>): a whole number becomes a number, a decimal stays the text typed
 * (the rule's check refuses what is not one). A blank input is left out, so the check names it.
 */
export function paramsFromForm(ruleKey: string, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of KNOWN_RULES[ruleKey]?.params ?? []) {
    const raw = fields[`param_${p.key}`];
    const text = typeof raw === 'string' ? raw.trim().replace(/[,\s]/g, '') : '';
    if (text === '') continue;
    out[p.key] = p.kind === 'integer' && /^\d{1,9}$/.test(text) ? Number(text) : text;
  }
  return out;
}

/** A version's parameters in words: "보고 기한 1분기 뒤", "최저 점수 75점". */
export function describeParams(ruleKey: string, params: Record<string, unknown>): string {
  const known = KNOWN_RULES[ruleKey];
  return Object.entries(params)
    .map(([k, v]) => {
      const p = known?.params.find((x) => x.key === k);
      return p ? `${p.label} ${String(v)}${p.unit}` : String(v);
    })
    .join(', ');
}
