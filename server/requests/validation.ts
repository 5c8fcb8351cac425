import { plainToInstance } from 'class-transformer';
import { transformerMetadata } from './nested-types';
import { validate, ValidationError } from 'class-validator';
import { DomainError, FieldProblem } from '../../domain/errors';
import { fieldTopicKo } from '../../domain/field-labels';
import { depthOf, echoValue, MAX_BODY_DEPTH, textProblems } from './text';

/** Korean wording for class-validator's rules; the English message comes from class-validator. */
const RULE_KO: Record<string, string> = {
  isInt: '정수여야 합니다',
  isNumber: '숫자여야 합니다',
  isPositive: '0보다 커야 합니다',
  min: '허용된 최솟값보다 작습니다',
  max: '허용된 최댓값보다 큽니다',
  isString: '문자열이어야 합니다',
  isNotEmpty: '비어 있을 수 없습니다',
  maxLength: '허용된 길이를 넘습니다',
  minLength: '너무 짧습니다',
  isIn: '허용된 값이 아닙니다',
  isEnum: '허용된 값이 아닙니다',
  isDateString: '날짜(YYYY-MM-DD) 형식이 아닙니다',
  isISO8601: '날짜(YYYY-MM-DD) 형식이 아닙니다',
  isCalendarDate: '날짜(YYYY-MM-DD) 형식이 아니거나 없는 날짜입니다',
  matches: '형식이 맞지 않습니다',
  isBoolean: '참/거짓 값이어야 합니다',
  isArray: '목록이어야 합니다',
  arrayMinSize: '항목이 부족합니다',
  arrayMaxSize: '항목이 너무 많습니다',
  isDefined: '반드시 입력해야 합니다',
  whitelistValidation: '알 수 없는 필드입니다',
  nestedValidation: '하위 항목이 올바르지 않습니다',
  isObject: '객체여야 합니다',
  isDecimalText: '소수 형식의 숫자 문자열이어야 합니다',
  unknownValue: '객체여야 합니다',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        rule,
        message,
        message_ko: `${fieldTopicKo(field)} ${RULE_KO[rule] ?? '올바르지 않습니다'}`,
        value: echoValue(e.value),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** A body nested deeper than any request class (class-transformer and JSON.stringify recurse): refused before anything reads it. */
export function assertShallow(plain: unknown, field = 'body'): void {
  if (depthOf(plain) > MAX_BODY_DEPTH) {
    throw new DomainError('malformed', 'body_too_deep', 'The body is nested too deeply', '요청 본문의 중첩이 너무 깊습니다', [
      {
        field,
        rule: 'maxDepth',
        message: `${field} may nest at most ${MAX_BODY_DEPTH} levels`,
        message_ko: `중첩은 ${MAX_BODY_DEPTH}단계까지입니다`,
      },
    ]);
  }
}

/**
 * A plain value read into an instance of cls and checked: the class's rules (class-validator, unknown
 * fields refused) and the text rules of every string (`textProblems`: NFC, no control, bidi or
 * invisible characters), whatever the class declares. Returns the instance and every problem.
 */
export async function checkInstance<T extends object>(
  cls: new () => T,
  plain: unknown,
  options: { implicitConversion?: boolean } = {},
): Promise<{ instance: T; problems: FieldProblem[] }> {
  assertShallow(plain);
  if (plain === null || plain === undefined) plain = {};
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    return {
      instance: new cls(),
      problems: [{ field: 'row', rule: 'isObject', message: 'must be an object', message_ko: '객체여야 합니다', value: echoValue(plain) }],
    };
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: options.implicitConversion ?? false });
  const text = [...textProblems(instance), ...nestedShapeProblems(instance)];
  const errors = await validate(instance as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const fromRules = flattenValidationErrors(errors);
  const named = new Set(fromRules.map((p) => p.field));
  // a field refused by its own rule is not reported twice
  const problems = [...fromRules, ...text.filter((p) => !named.has(p.field)).map((p) => ({ ...p, value: echoValue(p.value) }))];
  return { instance, problems };
}

/**
 * A nested request class (`@Type(() => Item)`, a list of them or one) must arrive as JSON objects:
 * class-validator's `@ValidateNested({ each: true })` lets an item that is itself a list (`[[]]`)
 * through, and the use case would then read fields of an array. Each such item is refused by field.
 */
function nestedShapeProblems(value: unknown, path = ''): FieldProblem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: FieldProblem[] = [];
  for (const [key, child] of Object.entries(value)) {
    const nested = transformerMetadata.findTypeMetadata(value.constructor, key);
    if (!nested || child === undefined || child === null) continue;
    const field = path ? `${path}.${key}` : key;
    const items: [string, unknown][] = Array.isArray(child) ? child.map((c, i) => [`${field}.${i}`, c]) : [[field, child]];
    for (const [at, item] of items) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        out.push({ field: at, rule: 'isObject', message: `${at} must be an object`, message_ko: '항목은 객체여야 합니다', value: item });
      } else out.push(...nestedShapeProblems(item, at));
    }
  }
  return out;
}

/**
 * Turns untrusted input into a validated instance of cls, or throws a 400 naming every bad field.
 * Bodies are not type-converted (a string "100" is not a number of won); query strings are.
 */
export async function validateInput<T extends object>(cls: new () => T, plain: unknown, where: 'body' | 'query'): Promise<T> {
  if (where === 'body' && (plain === null || typeof plain !== 'object' || Array.isArray(plain))) {
    throw new DomainError('malformed', 'invalid_body', 'The request body must be a JSON object', '요청 본문은 JSON 객체여야 합니다', [
      { field: 'body', rule: 'isObject', message: 'body must be a JSON object', message_ko: '요청 본문은 JSON 객체여야 합니다' },
    ]);
  }
  const { instance, problems } = await checkInstance(cls, plain ?? {}, { implicitConversion: where === 'query' });
  if (problems.length) {
    throw new DomainError(
      'malformed',
      'validation_failed',
      `Invalid ${where}`,
      where === 'body' ? '입력값이 올바르지 않습니다' : '조회 조건이 올바르지 않습니다',
      problems,
    );
  }
  return instance;
}
