import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, MoneyColumn, TimestampColumn } from './columns';

/** How the operator paid: 보탬e's dedicated card, an account transfer, an e-tax-invoice; anything else needs a reason. */
export type ExpenseMethod = 'card' | 'transfer' | 'tax-invoice' | 'cash' | 'other';

/**
 * One payment the operator made out of a consignment-year's grant (보탬e's per-expense 집행): its payee, the
 * 보조세목 (a category code of the grant plan), the amount split into 위탁금 and 자부담, the method and its
 * evidence. A correction is a reversing expense (negative amounts, `reversesId` set), never an edit.
 * Flags are computed by domain rules at entry and kept with the row so lists and reports read them.
 */
@Entity('operator_expenses')
@Index(['consignmentId', 'fiscalYear'])
@Index(['invoiceNumber'])
@Index(['cardApprovalNumber'])
export class OperatorExpense {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  consignmentId: number;

  @Column({ type: 'int' })
  fiscalYear: number;

  @DateColumn()
  paidOn: string;

  @Column({ type: 'varchar', length: 200 })
  payee: string;

  /** 보조세목: a category code of the consignment-year's grant plan */
  @Column({ type: 'varchar', length: 40 })
  categoryCode: string;

  /** the part paid from the grant (위탁금) */
  @MoneyColumn()
  grantAmount: number;

  /** the part the operator paid itself (자부담) */
  @MoneyColumn()
  ownAmount: number;

  @Column({ type: 'varchar', length: 12 })
  method: ExpenseMethod;

  /** why the method is 'other' or 'cash' */
  @Column({ type: 'varchar', length: 500, nullable: true })
  methodReason: string | null;

  /** e-tax-invoice (전자세금계산서) approval number, normalised (digits and letters only) */
  @Column({ type: 'varchar', length: 40, nullable: true })
  invoiceNumber: string | null;

  /** card approval number (카드 승인번호), normalised */
  @Column({ type: 'varchar', length: 40, nullable: true })
  cardApprovalNumber: string | null;

  /** space-separated flags set at entry: 'cash', 'missing-evidence', 'duplicate-evidence' */
  @Column({ type: 'varchar', length: 200, default: '' })
  flags: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** the expense this one reverses (a correction), or null */
  @Column({ type: 'int', nullable: true })
  reversesId: number | null;

  @Column({ type: 'boolean', default: false })
  sample: boolean;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @TimestampColumn()
  createdAt: Date;
}

/** A file of evidence (PDF, JPEG, PNG judged by content) kept under data/attachments/<sha256>; only its hash is here. */
@Entity('operator_expense_attachments')
@Index(['expenseId'])
@Index(['sha256'])
export class OperatorExpenseAttachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  expenseId: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @TimestampColumn()
  createdAt: Date;
}
