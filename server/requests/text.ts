import type { FieldProblem } from '../../domain/errors';
import { fieldLabelKo } from '../../domain/field-labels';

/**
 * The text rules of every string that comes in (API bodies and queries, web forms, import rows), in
 * one place: `textProblems` is run by `validateInput` (and so by `formBody`) and by the import's row
 * validation on every string of the validated instance, whatever its request class declares.
 *
 * - every string is brought to Unicode NFC, so "민간위탁금" typed as decomposed jamo is the same
 *   expense item as the composed one;
 * - C0 and C1 control characters (NUL, ESC, DEL, U+0080–U+009F …) are refused; a line break or a tab
 *   only in a field declared `@MultiLine()` (the free prose of a textarea: a summary, a return reason);
 * - bidirectional overrides, embeddings, isolates and marks (U+202E …) are refused, and so are
 *   invisible characters that make two names look alike (zero-width space and joiners, word joiner,
 *   byte-order mark, Hangul fillers);
 * - a string that is not well-formed UTF-16 (a lone surrogate) is refused;
 * - a field declared `@Secret()` (a password) is left exactly as typed.
 */

type TextMode = 'multiLine' | 'asTyped';
const TEXT_MODES = Symbol('text modes of fields');

function markField(target: object, key: string | symbol, mode: TextMode): void {
  const proto = target as { [TEXT_MODES]?: Map<string | symbol, TextMode> };
  const own = Object.prototype.hasOwnProperty.call(proto, TEXT_MODES) ? proto[TEXT_MODES] : undefined;
  const modes = own ?? new Map(proto[TEXT_MODES] ?? []);
  modes.set(key, mode);
  Object.defineProperty(proto, TEXT_MODES, { value: modes, enumerable: false, configurable: true });
}

/** A free-text field that may hold line breaks and tabs (still no other control characters). */
export function MultiLine(): PropertyDecorator {
  return (target, key) => markField(target, key, 'multiLine');
}

/**
 * A secret (a password): kept exactly as typed — not normalised, not refused — since it is only ever
 * hashed and compared with what is typed at login, never shown.
 */
export function Secret(): PropertyDecorator {
  return (target, key) => markField(target, key, 'asTyped');
}

function modeOf(holder: object, key: string): TextMode | undefined {
  return (holder as { [TEXT_MODES]?: Map<string | symbol, TextMode> })[TEXT_MODES]?.get(key);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /[\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\ufeff\u3164\uffa0]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface TextRule {
  rule: string;
  message: string;
  message_ko: string;
}

/** The first rule a string breaks, or null. */
export function textRuleBroken(text: string, multiLine = false): TextRule | null {
  if (LONE_SURROGATE.test(text))
    return { rule: 'wellFormedText', message: 'must be well-formed Unicode text', message_ko: '올바르지 않은 유니코드 문자가 있습니다' };
  if ((multiLine ? CONTROL_EXCEPT_LINES : CONTROL).test(text)) {
    return {
      rule: 'noControlCharacters',
      message: multiLine
        ? 'must not contain control characters (line breaks are allowed)'
        : 'must not contain control characters or line breaks',
      message_ko: multiLine ? '제어 문자를 넣을 수 없습니다 (줄바꿈 제외)' : '제어 문자나 줄바꿈을 넣을 수 없습니다',
    };
  }
  if (BIDI.test(text))
    return {
      rule: 'noBidiControls',
      message: 'must not contain bidirectional control characters',
      message_ko: '문자 방향 제어 문자(예: U+202E)를 넣을 수 없습니다',
    };
  if (INVISIBLE.test(text))
    return {
      rule: 'noInvisibleCharacters',
      message: 'must not contain invisible characters (zero-width space, joiners, fillers)',
      message_ko: '보이지 않는 문자(폭 없는 공백 등)를 넣을 수 없습니다',
    };
  return null;
}

/**
 * Every string of `value` (a validated instance, its nested instances, arrays and plain objects) is
 * replaced by its NFC form, and each one that breaks a text rule is reported by its field path
 * (`categories.0.name`, as class-validator names nested fields). Iterative: depth is no risk here.
 */
export function textProblems(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { holder: Record<string, unknown>; key: string; path: string; mode: TextMode | undefined }[] = [];
  const push = (holder: object, path: string, mode: TextMode | undefined) => {
    const h = holder as Record<string, unknown>;
    for (const key of Object.keys(h)) {
      const childPath = path ? `${path}.${key}` : key;
      stack.push({ holder: h, key, path: childPath, mode: Array.isArray(holder) ? mode : modeOf(holder, key) });
    }
  };
  if (value && typeof value === 'object') push(value, prefix, undefined);
  const seen = new Set<object>();
  while (stack.length) {
    const { holder, key, path, mode } = stack.pop()!;
    if (mode === 'asTyped') continue;
    // an own "__proto__" (JSON.parse makes one) is read and written as the data it is, not the prototype
    const v: unknown = Object.getOwnPropertyDescriptor(holder, key)?.value;
    const badKey = Array.isArray(holder) ? null : textRuleBroken(key);
    if (badKey) {
      problems.push({ field: path, ...badKey, message: `field names ${badKey.message}`, message_ko: `필드 이름에 ${badKey.message_ko}` });
      continue;
    }
    if (typeof v === 'string') {
      const broken = textRuleBroken(v, mode === 'multiLine');
      if (broken) {
        problems.push({
          field: path,
          ...broken,
          message: `${path} ${broken.message}`,
          message_ko: `${fieldLabelKo(path)}에 ${broken.message_ko}`,
          value: v,
        });
      } else {
        const nfc = v.normalize('NFC');
        if (nfc !== v) Object.defineProperty(holder, key, { value: nfc, writable: true, enumerable: true, configurable: true });
      }
    } else if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      push(v, path, mode);
    }
  }
  return problems.reverse();
}

/** How deep a parsed body may nest (objects and arrays); far above any request class, far below a stack overflow. */
export const MAX_BODY_DEPTH = 32;

/** The nesting depth of a parsed JSON value, counted without recursion; stops counting past `limit`. */
export function depthOf(value: unknown, limit = MAX_BODY_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v as object)) if (child && typeof child === 'object') stack.push([child, d]);
  }
  return max;
}

/** A bad value as a problem may echo it: a short prefix of a string (controls shown as escapes), a number or boolean; nothing bigger. */
export function echoValue(value: unknown, max = 40): unknown {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'string') return undefined;
  const chars = Array.from(value);
  const head = chars
    .slice(0, max)
    .join('')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return chars.length > max ? `${head}…` : head;
}
