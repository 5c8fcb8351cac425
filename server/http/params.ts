import { DomainError } from '../../domain/errors';
import { ko } from '../../domain/korean-particles';

function badParam(name: string, value: string): DomainError {
  return new DomainError(
    'malformed',
    'invalid_path_parameter',
    `Path parameter ${name} must be a positive integer`,
    `경로의 ${name} 값은 양의 정수여야 합니다`,
    [
      {
        field: name,
        rule: 'isInt',
        message: `${name} must be a positive integer`,
        message_ko: ko`${name}은/는 양의 정수여야 합니다`,
        value,
      },
    ],
  );
}

export function idParam(value: string, name = 'id'): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1) throw badParam(name, value);
  return Number(value);
}

export function yearParam(value: string): number {
  const year = idParam(value, 'year');
  if (year < 2000 || year > 2100) throw badParam('year', value);
  return year;
}
