import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { MAX_AMOUNT } from '../../domain/money';

/** Decorators shared by request classes: one definition of "an amount of won" and "a date". */
export function IsWon(options: { allowZero?: boolean; allowNegative?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    // IsInt last: the OpenAPI generator lets the last rule set the type (integer, not number)
    Max(MAX_AMOUNT, { message: '$property must be at most 10^15 won' })(target, key);
    Min(options.allowNegative ? -MAX_AMOUNT : options.allowZero ? 0 : 1, {
      message: options.allowNegative
        ? '$property must be at least −10^15 won'
        : options.allowZero
          ? '$property must not be negative'
          : '$property must be a positive amount of won',
    })(target, key);
    IsInt({ message: '$property must be a whole number of won' })(target, key);
  };
}

/** A calendar date YYYY-MM-DD that exists (2023-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const d = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
        },
        defaultMessage: () => '$property must be a date YYYY-MM-DD',
      },
    },
    options,
  );
}

export function IsDecimalText(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^-?\d{1,15}(\.\d{1,6})?$/, { message: '$property must be a decimal number as text, e.g. "1.1"', ...options });
}

export const IsFiscalYear = (): PropertyDecorator => (target, key) => {
  Min(2000)(target, key);
  Max(2100)(target, key);
  IsInt()(target, key);
};

/**
 * A consignment as users and clients name it — its id, its code or its exact name (resolved by
 * server/store/consignments/consignment-ref.ts): non-empty text of at most 200 characters.
 */
export const IsConsignmentRef = (): PropertyDecorator => (target, key) => {
  // applied in the order the three decorators used to be written, so errors list in the same order
  MaxLength(200)(target, key);
  IsNotEmpty()(target, key);
  IsString()(target, key);
};

/**
 * May be left out, but never sent as null: for a field whose column always holds a value (a patch that
 * leaves it out keeps what is there; `@IsOptional()` would let null through to a NOT NULL column).
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
