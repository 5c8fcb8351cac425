import { getMetadataStorage } from 'class-validator';
import { validateInput } from '../requests/validation';

/**
 * The one path from a web form to a use case: the form's fields are read into the same request class
 * the API validates (`validateInput`), so a page and an API call are refused by the same rules with
 * the same field names. A form only says where the fields that are not typed come from (`fixed`:
 * the consignment of the page, nested lists it assembled); everything else is read by the class's
 * own declarations:
 *
 * - a number field (IsInt/IsWon/IsFiscalYear, IsNumber) accepts what people type: "12,000,000",
 *   "12 000 000원"; anything that is not digits stays text, so the class refuses it by its rule;
 * - a boolean field is a checkbox: "on", "true", "1" → true; "false", "0" → false;
 * - text is trimmed, and an empty field is left out, so an optional field may be blank and a
 *   required one is refused as missing;
 * - fields the class does not declare (the CSRF token, buttons) are dropped.
 */
export async function formBody<T extends object>(
  cls: new () => T,
  form: unknown,
  fixed: Partial<Record<keyof T, unknown>> = {},
): Promise<T> {
  const raw = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const [property, rules] of declaredFields(cls)) {
    if (property in fixed) continue;
    const text = firstText(raw[property]);
    if (text === undefined) continue;
    if (rules.has('isBoolean')) plain[property] = /^(on|true|1)$/i.test(text) ? true : /^(off|false|0)$/i.test(text) ? false : text;
    else if (rules.has('isInt') || rules.has('isNumber')) plain[property] = formNumber(text);
    else plain[property] = text;
  }
  for (const [key, value] of Object.entries(fixed)) if (value !== undefined) plain[key] = value;
  return validateInput(cls, plain, 'body');
}

/** "12,000,000", "12 000 000원", "-5" → a number; other text is returned as typed, for the validator to refuse by its rule. */
export function formNumber(text: string): number | string {
  const cleaned = text.replace(/[,\s원]/g, '');
  return /^-?\d{1,16}$/.test(cleaned) ? Number(cleaned) : text;
}

/** A form field as typed and trimmed: the first value when it was repeated; undefined when blank or absent. */
export function firstText(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string') return undefined;
  const trimmed = v.trim();
  return trimmed === '' ? undefined : trimmed;
}

const fieldsOfClass = new WeakMap<object, Map<string, Set<string>>>();

/** property → the names of its validation rules (isInt, isBoolean, isString …), read once per class. */
function declaredFields(cls: new () => object): Map<string, Set<string>> {
  let fields = fieldsOfClass.get(cls);
  if (!fields) {
    fields = new Map();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      const rules = fields.get(m.propertyName) ?? new Set<string>();
      if (m.name) rules.add(m.name);
      const constraint = m.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0] : undefined;
      if (constraint?.name) rules.add(constraint.name);
      fields.set(m.propertyName, rules);
    }
    fieldsOfClass.set(cls, fields);
  }
  return fields;
}
