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
        `이 규칙에 없는 매개변수입니다: ${k} (허용: ${keys.join(', ')})`,
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
          'minScore는 소수 둘째 자리까지의 0 이상 점수여야 합니다 (예: "75")',
          p.minScore,
        ),
      ]),
];

/**
 * The parameter shape of each rule the code reads (see domain/transfer-deadline.ts and
 * domain/renewal.ts); a version of one of these keys is checked against it.
 */
export const KNOWN_RULES: Record<string, { label: string; example: Record<string, unknown>; check: ParamCheck }> = {
  transfer_report_deadline: {
    label: '전용 상임위 보고 기한 (분기 후)',
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
              'quartersAfter는 0~8 사이의 정수(분기 수)여야 합니다',
              p.quartersAfter,
            ),
          ]),
    ],
  },
  renewal_min_score: { label: '재계약 기준 종합성과평가 점수', example: { minScore: '75' }, check: scoreRule },
  renewal_selection_min_score: { label: '적격자심의 최저 점수', example: { minScore: '70' }, check: scoreRule },
  renewal_uncorrected_repeat_limit: {
    label: '미시정 반복 지적 한도',
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
              'minRepeats는 1~100 사이의 정수여야 합니다',
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
    throw new DomainError('invalid', 'unknown_rule', `No rule ${ruleKey} is known`, `알 수 없는 규칙 키입니다: ${ruleKey}`, [
      problem(
        'ruleKey',
        'knownRule',
        `ruleKey must be one of ${Object.keys(KNOWN_RULES).join(', ')} or an existing rule`,
        `규칙 키는 ${Object.keys(KNOWN_RULES).join(', ')} 또는 이미 있는 규칙이어야 합니다`,
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
      ? `${ruleKey}의 새 버전은 최근 버전(${latest.effectiveFrom} ~ ${latest.effectiveTo})이 끝난 ${bound} 뒤에 시작해야 합니다`
      : `${ruleKey}의 새 버전은 최근 버전의 시행일 ${bound} 뒤에 시작해야 합니다 (기존 버전은 고칠 수 없습니다)`;
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
