import fc from 'fast-check';

/**
 * Request bodies for the API fuzz, generated from the OpenAPI description: a body that follows the
 * schema (its ids and codes drawn from the seeded database, so requests reach the use cases), then
 * 0–3 mutations of it (wrong types, bounds, huge and deep values, control characters, prototype keys,
 * missing and unknown fields, bodies that are not an object or not JSON at all).
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  not?: unknown;
}

/** A value drawn at send time from a pool of the database's current values (ids, codes, names …). */
export class Pick {
  constructor(
    readonly pool: string,
    readonly n: number,
  ) {}
}

/** JSON text written as is (numbers JSON.stringify cannot write, values too deep to stringify). */
export class Raw {
  constructor(readonly text: string) {}
}

export type Pools = Record<string, readonly (string | number)[]>;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The pool of an `…Id` field: the table it most likely names, else every id of every table. */
export function idPoolOf(field: string, tables: readonly string[]): string {
  const base = snake(field.replace(/Id$/, '')).replace(/^(to|from|source|target|parent)_/, '');
  const guesses = [`${base}s`, `${base}es`, base.replace(/y$/, 'ies'), base];
  const hit = guesses.find((g) => tables.includes(g)) ?? tables.find((t) => t.endsWith(`_${base}s`));
  return hit ? `ids:${hit}` : 'ids:*';
}

const pick = (pool: string) => fc.nat().map((n) => new Pick(pool, n));

const DATE = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true });
const TEXT_UNIT = fc.constantFrom(...'가나다라마바사아자차카타파하민간위탁금사업비예산전용 abcXYZ019-_.()'.split(''));

function integerArb(field: string, s: Schema, tables: readonly string[]): fc.Arbitrary<unknown> {
  const lo = Math.max(s.minimum ?? -1e9, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(s.maximum ?? 1e9, Number.MAX_SAFE_INTEGER);
  const any = fc.integer({ min: lo, max: hi });
  if (/Id$/.test(field)) return fc.oneof({ arbitrary: pick(idPoolOf(field, tables)), weight: 4 }, { arbitrary: any, weight: 1 });
  if (/year/i.test(field) || (lo >= 1900 && hi <= 2200))
    return fc.oneof({ arbitrary: fc.integer({ min: Math.max(lo, 2015), max: Math.min(hi, 2030) }), weight: 4 }, any);
  if (hi >= 1e9) {
    const small = fc.integer({ min: Math.max(lo, 0), max: Math.min(hi, 50_000_000) });
    return fc.oneof({ arbitrary: small, weight: 4 }, any, fc.constantFrom(lo, hi));
  }
  return any;
}

function stringArb(field: string, s: Schema): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.format === 'date') return DATE.map((d) => d.toISOString().slice(0, 10));
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  const random = s.pattern
    ? fc.stringMatching(new RegExp(s.pattern))
    : fc.string({ unit: TEXT_UNIT, minLength: s.minLength ?? 0, maxLength: Math.max(maxLength, s.minLength ?? 0) });
  // at the bound: as long as the schema allows (a column narrower than its rule shows on MariaDB)
  const longest = s.maxLength && !s.pattern ? fc.constant('가'.repeat(s.maxLength)) : null;
  const pool = /code$/i.test(field) ? 'codes' : /item$/i.test(field) ? 'items' : /(name|ref|consignment)$/i.test(field) ? 'names' : null;
  return fc.oneof(
    { arbitrary: pool ? pick(pool) : random, weight: pool ? 4 : 3 },
    { arbitrary: random, weight: 1 },
    { arbitrary: longest ?? random, weight: 1 },
  );
}

/** A value that follows the schema (bounded sizes; recursion stops after a few levels). */
export function validArb(
  schema: Schema,
  components: Record<string, Schema>,
  tables: readonly string[],
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? validArb(target, components, tables, field, depth + 1) : fc.constant({});
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
      return integerArb(field, schema, tables);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArb(field, schema);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = depth > 3 ? min : Math.max(min, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(validArb(schema.items ?? {}, components, tables, field, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object':
    case undefined: {
      if (!schema.properties) return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
      const required = schema.required ?? [];
      const model = Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([name]) => depth <= 4 || required.includes(name))
          .map(([name, prop]) => [name, validArb(prop, components, tables, name, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      return fc.constant(null);
  }
}

// ---- mutations ------------------------------------------------------------------------------------

const CONTROL = [
  '\u0000', '\u0001', '\u0007', '\b', '\u001b', '\u007f', '\u0085', '\u009b', '\u00a0', '\u200b', '\u200e', '\u200f',
  '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u3000', '\ufeff', '\ufffe',
  '\uffff', '\ud800', '\udfff', '\r\n', '\t', '\n', ' ', '＝', '=cmd|', '\u1112\u1161\u11ab',
]; // prettier-ignore

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf', 'then'];
const PROTO_VALUES = ['{"polluted":true,"role":"admin"}', '{"prototype":{"polluted":true}}', '1', '"x"', 'null', '[]', '{}'];

const NUMBERS = [
  '-1', '0', '-0', '1.5', '0.1', '1e3', '1E-7', '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993',
  '1000000000000000', '1000000000000001', '-1000000000000001', '123456789012345678901234567890', '1e308', '-1e308', '1e400',
  '5e-324', '2147483648', '-2147483649', '4294967296', '"1"', '"1e3"', '" 1"', '"0x10"', '"١٢٣"', 'true', 'null',
]; // prettier-ignore

const WRONG_TYPES = ['null', 'true', 'false', '0', '"x"', '""', '[]', '{}', '[null]', '[{}]', '{"a":[]}', '[1,"a",null]'];

const ROOTS = [
  '', 'null', '[]', '[1]', '"x"', '1', 'true', '{', '{"a":1', '{}x', '\u0000', 'NaN', '[{}]', '{"":1}',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '\ufeff{}', '{"a":1,"a":2}',
]; // prettier-ignore

export type Mutation =
  | { kind: 'wrongType' | 'number'; at: number; value: string }
  | { kind: 'bigString'; at: number; length: number; char: string }
  | { kind: 'deep'; at: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'control'; at: number; char: string; where: 'start' | 'middle' | 'end' | 'only' }
  | { kind: 'proto'; at: number; key: string; value: string }
  | { kind: 'drop' | 'blank'; at: number }
  | { kind: 'grow'; at: number; length: number }
  | { kind: 'unknown'; at: number; key: string }
  | { kind: 'root'; text: string };

const at = fc.nat();
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('wrongType' as const), at, value: fc.constantFrom(...WRONG_TYPES) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('number' as const), at, value: fc.constantFrom(...NUMBERS) }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('bigString' as const),
      at,
      length: fc.constantFrom(201, 1_001, 4_097, 65_536, 300_000),
      char: fc.constantFrom('x', '가', '\u0000', '😀'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      at,
      depth: fc.constantFrom(20, 200, 2_000, 12_000),
      shape: fc.constantFrom('array' as const, 'object' as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      at,
      char: fc.constantFrom(...CONTROL),
      where: fc.constantFrom('start' as const, 'middle' as const, 'end' as const, 'only' as const),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('proto' as const),
      at,
      key: fc.constantFrom(...PROTO_KEYS),
      value: fc.constantFrom(...PROTO_VALUES),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constantFrom('drop' as const, 'blank' as const), at }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('grow' as const), at, length: fc.constantFrom(12, 101, 1_001, 20_000) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('unknown' as const), at, key: fc.constantFrom('extra', 'id', 'createdBy', 'status', '') }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('root' as const), text: fc.constantFrom(...ROOTS) }), weight: 1 },
);

// ---- materialising and writing the body -----------------------------------------------------------

/** Replaces each Pick by a value of its pool (deep copy; the generated value is not changed). */
export function resolvePicks(value: unknown, pools: Pools): unknown {
  if (value instanceof Pick) {
    const pool = pools[value.pool] ?? pools['ids:*'] ?? [1];
    return pool.length ? pool[value.n % pool.length] : value.n % 200;
  }
  if (Array.isArray(value)) return value.map((v) => resolvePicks(v, pools));
  if (value && typeof value === 'object' && !(value instanceof Raw)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePicks(v, pools)]));
  }
  return value;
}

type Path = (string | number)[];

function nodes(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (value && typeof value === 'object' && !(value instanceof Raw))
    for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

const getAt = (root: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], root);

/** Sets (or, with `undefined`, deletes) the value at path; the root is replaced by returning the new one. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
  return root;
}

/** An own, enumerable key named like an Object.prototype member (JSON.parse makes the same). */
function defineKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const deepText = (depth: number, shape: 'array' | 'object') =>
  shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export interface Mutated {
  /** the body, or null when a mutation replaced the whole text */
  value: unknown;
  text?: string;
}

export function mutate(body: unknown, mutations: Mutation[]): Mutated {
  let value = body;
  for (const m of mutations) {
    if (m.kind === 'root') return { value: null, text: m.text };
    const all = nodes(value);
    const path = all[m.at % all.length];
    const here = getAt(value, path);
    const objects = all.filter((p) => {
      const v = getAt(value, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);
    });
    switch (m.kind) {
      case 'wrongType':
      case 'number':
        value = setAt(value, path, new Raw(m.value));
        break;
      case 'bigString':
        value = setAt(value, path, m.char.repeat(m.length));
        break;
      case 'deep':
        value = setAt(value, path, new Raw(deepText(m.depth, m.shape)));
        break;
      case 'control': {
        const s = typeof here === 'string' && here ? here : '민간위탁금';
        const text =
          m.where === 'only'
            ? m.char
            : m.where === 'start'
              ? m.char + s
              : m.where === 'end'
                ? s + m.char
                : s.slice(0, 1) + m.char + s.slice(1);
        value = setAt(value, path, text);
        break;
      }
      case 'proto': {
        const target = objects.length ? getAt(value, objects[m.at % objects.length]) : null;
        if (target && typeof target === 'object') defineKey(target, m.key, new Raw(m.value));
        break;
      }
      case 'unknown': {
        const target = objects.length ? getAt(value, objects[m.at % objects.length]) : null;
        if (target && typeof target === 'object') defineKey(target, m.key, 1);
        break;
      }
      case 'grow': {
        // a list grown by repeating its items (past ArrayMaxSize; sums of many large amounts)
        const lists = all.filter((p) => Array.isArray(getAt(value, p)) && (getAt(value, p) as unknown[]).length);
        const list = lists.length ? (getAt(value, lists[m.at % lists.length]) as unknown[]) : null;
        if (list) {
          // the same items again (shared, they are only written out), up to about 3 MB of JSON
          const items = [...list];
          const size = Math.max(1, ...items.map((v) => toJson(v).length));
          const length = Math.min(m.length, Math.max(list.length, Math.floor(3_000_000 / size)));
          for (let i = list.length; i < length; i++) list.push(items[i % items.length]);
        } else
          value = setAt(
            value,
            path,
            Array.from({ length: m.length }, () => 1e15),
          );
        break;
      }
      case 'drop':
        if (path.length) value = setAt(value, path, undefined);
        break;
      case 'blank':
        value = setAt(value, path, typeof here === 'string' ? ['', ' ', '\u3000', `  ${here}  `][m.at % 4] : '');
        break;
    }
  }
  return { value };
}

/**
 * JSON text of a body that may hold Raw literals and own keys named __proto__. A body whose text
 * would pass MAX_JSON_TEXT (mutations multiply: a list grown 1,001 times of 300,000-character
 * strings is past what a JavaScript string can hold) is sent as that many characters of its start:
 * far over every body limit, so the answer to check is the 413.
 */
export const MAX_JSON_TEXT = 32 * 1024 * 1024;
export function toJson(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string) => {
    if (length > MAX_JSON_TEXT) return;
    parts.push(text);
    length += text.length;
  };
  const walk = (v: unknown): void => {
    if (length > MAX_JSON_TEXT) return;
    if (v instanceof Raw) return push(v.text);
    if (v === undefined) return push('null');
    if (Array.isArray(v)) {
      push('[');
      v.forEach((item, i) => {
        if (i) push(',');
        walk(item);
      });
      return push(']');
    }
    if (v && typeof v === 'object') {
      push('{');
      Object.keys(v).forEach((k, i) => {
        if (i) push(',');
        push(`${JSON.stringify(k)}:`);
        walk((v as Record<string, unknown>)[k]);
      });
      return push('}');
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return push('1e400');
    push(JSON.stringify(v));
  };
  walk(value);
  const text = parts.join('');
  return text.length > MAX_JSON_TEXT ? text.slice(0, MAX_JSON_TEXT) : text;
}
