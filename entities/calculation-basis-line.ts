import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from './columns';

/**
 * A calculation-basis line (산출근거) of an appropriation: "12,500,000 × 1.1 = 13,750,000".
 * Lines nest one level (사업비 → its sub-items); children add up to their parent, top-level lines
 * add up to the appropriation.
 */
@Entity('calculation_basis_lines')
export class CalculationBasisLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  appropriationId: number;

  @Column({ type: 'int', nullable: true })
  parentLineId: number | null;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @MoneyColumn({ nullable: true })
  unitAmount: number | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  quantity: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  multiplier: string | null;

  @MoneyColumn()
  amount: number;
}
