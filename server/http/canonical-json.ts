import crypto from 'node:crypto';

/**
 * The SHA-256 of a JSON value written canonically: object keys sorted (by UTF-16 code units, as
 * Array.prototype.sort does), no whitespace, members whose value is undefined left out — so the same
 * body with its keys in another order hashes the same. Written with an explicit stack, so a body
 * nested ten thousand levels deep hashes instead of overflowing the call stack.
 */
export function canonicalJsonHash(value: unknown, ...tail: Buffer[]): string {
  const hash = crypto.createHash('sha256');
  hash.update(canonicalJson(value));
  for (const t of tail) hash.update(t);
  return hash.digest('hex');
}

/** A JSON value as canonical JSON text (see canonicalJsonHash). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // each entry is a value still to write, or text to write as it is
  const todo: ({ text: string } | { value: unknown })[] = [{ value }];
  while (todo.length) {
    const next = todo.pop()!;
    if ('text' in next) {
      out.push(next.text);
      continue;
    }
    let v = next.value;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON(): unknown }).toJSON();
    }
    if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') {
      out.push('null');
    } else if (typeof v === 'bigint') {
      out.push(v.toString());
    } else if (typeof v !== 'object') {
      out.push(JSON.stringify(v));
    } else if (Array.isArray(v)) {
      const parts: ({ text: string } | { value: unknown })[] = [{ text: '[' }];
      v.forEach((item, i) => parts.push(...(i ? [{ text: ',' }] : []), { value: item }));
      parts.push({ text: ']' });
      for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]);
    } else {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined && typeof record[k] !== 'function' && typeof record[k] !== 'symbol')
        .sort();
      const parts: ({ text: string } | { value: unknown })[] = [{ text: '{' }];
      keys.forEach((k, i) => parts.push({ text: `${i ? ',' : ''}${JSON.stringify(k)}:` }, { value: record[k] }));
      parts.push({ text: '}' });
      for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]);
    }
  }
  return out.join('');
}
