import { DomainError } from './errors';
import { basisLineResult, formatInteger, sumOfInput } from './money';

/** A line of a calculation basis (산출근거): unit amount × quantity × multiplier = amount, or a heading over its children. */
export interface BasisLine {
  description: string;
  unitAmount?: number | null;
  quantity?: string | null;
  multiplier?: string | null;
  amount: number;
  children?: BasisLine[];
}

/**
 * Checks a calculation basis: a line with a unit amount computes to its amount (12,500,000 × 1.1 =
 * 13,750,000), children add up to their parent, top-level lines add up to the appropriation.
 */
export function checkBasis(lines: BasisLine[], total: number, path = 'basis'): void {
  lines.forEach((line, i) => {
    const field = `${path}[${i}]`;
    if (line.unitAmount !== undefined && line.unitAmount !== null) {
      const computed = basisLineResult(line.unitAmount, line.quantity ?? '1', line.multiplier ?? '1');
      if (computed !== line.amount) {
        throw new DomainError(
          'invalid',
          'basis_line_mismatch',
          `${field}: ${line.unitAmount} × ${line.quantity ?? 1} × ${line.multiplier ?? 1} = ${computed}, not ${line.amount}`,
          `산출근거 ${lineLabelKo(field)}의 계산 결과가 ${formatInteger(computed)}원인데 ${formatInteger(line.amount)}원으로 적혀 있습니다`,
          [
            {
              field: `${field}.amount`,
              rule: 'basisLineComputes',
              message: `computes to ${computed}`,
              message_ko: `계산 결과는 ${formatInteger(computed)}원입니다`,
            },
          ],
          { computed, stated: line.amount },
        );
      }
    }
    if (line.children?.length) checkBasis(line.children, line.amount, `${field}.children`);
  });
  const sum = sumOfInput(
    lines.map((l) => l.amount),
    path,
  );
  if (sum !== total) {
    throw new DomainError(
      'invalid',
      'basis_sum_mismatch',
      `${path}: lines add up to ${sum}, not ${total}`,
      `산출근거 합계 ${formatInteger(sum)}원이 ${formatInteger(total)}원과 다릅니다`,
      [
        {
          field: path,
          rule: 'basisAddsUp',
          message: `lines add up to ${sum}, expected ${total}`,
          message_ko: `산출근거 합계는 ${formatInteger(total)}원이어야 합니다 (현재 ${formatInteger(sum)}원)`,
        },
      ],
      { sum, expected: total },
    );
  }
}

/** "basis[0].children[2]" → "1-3번 줄": the line's place as people count it. */
function lineLabelKo(field: string): string {
  const places = [...field.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  return places.length ? `${places.join('-')}번 줄` : '';
}
