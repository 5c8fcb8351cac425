import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Role } from '../../../entities/user';
import { IsCalendarDate } from '../../requests/validators';
import { MultiLine, Secret } from '../../requests/text';

/**
 * The requests of the administrator's use cases, read by the API routes and by the web forms
 * (formBody) alike. They check the shape of the fields; the rules with their own messages (a user
 * name's pattern, a password's length, a department for the roles that need one) are
 * domain/users.ts and domain/rule-versions.ts.
 */

/** A new user account. */
export class CreateUserRequest {
  /** 3 to 60 lower-case letters, digits and . _ - */
  @IsString()
  username: string;

  @IsString()
  displayName: string;

  /** budget_officer, inspector, council_staff or admin */
  @IsString()
  role: Role;

  /** the department of a budget officer or inspector (ignored for the other roles) */
  @IsOptional()
  @IsInt()
  orgUnitId?: number | null;

  /** 12 to 200 characters */
  @Secret()
  @IsString()
  password: string;
}

/** A change to a user by an administrator; a field left out stays as it is. */
export class UpdateUserRequest {
  @IsOptional()
  @IsString()
  role?: Role;

  /** the department of a budget officer or inspector; cleared for the other roles */
  @IsOptional()
  @IsInt()
  orgUnitId?: number | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** a new password (12 characters or more); absent or empty leaves it as it is */
  @Secret()
  @IsOptional()
  @IsString()
  password?: string | null;
}

/** A dated version of a rule. */
export class CreateRuleVersionBody {
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,59}$/)
  ruleKey: string;

  /** must be after the latest version of the rule; the previous open-ended version is closed the day before */
  @IsCalendarDate()
  effectiveFrom: string;

  /** the rule's parameters, e.g. {"quartersAfter": 1} or {"minScore": "75"} */
  @IsObject()
  params: Record<string, unknown>;

  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source: string;
}

/** An integration token for a user: its name (what it is for) and the last day it works. */
export class IssueApiTokenRequest {
  /** the user the token acts as (with that user's role and department) */
  @IsInt()
  userId: number;

  /** what the token is for, e.g. "회계시스템 연계" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** the last day (in Korea) the token works: after today, at most two years ahead */
  @IsCalendarDate()
  expiresOn: string;
}
