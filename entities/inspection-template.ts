import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, TimestampColumn } from './columns';

/**
 * A checklist template for inspections (지도점검 체크리스트). Its content lives in numbered versions;
 * a version is never edited once created: "editing" a template creates the next version, and an
 * inspection keeps the version it was filed with.
 */
@Entity('inspection_templates')
@Index(['code'], { unique: true })
export class InspectionTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @TimestampColumn()
  createdAt: Date;
}

@Entity('inspection_template_versions')
@Index(['templateId', 'version'], { unique: true })
export class InspectionTemplateVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  version: number;

  /** the day the version is meant to be used from (informational; filing picks the version explicitly or the latest) */
  @DateColumn()
  effectiveFrom: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** JSON array of rating labels, e.g. ["적정","일부 미흡","부적정","해당없음"] — the default scale of the version's items */
  @Column({ type: 'varchar', length: 500 })
  ratingScale: string;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 60 })
  createdByName: string;

  @TimestampColumn()
  createdAt: Date;
}

/** A checklist area: 분야 (depth 0, e.g. 일반운영) or 지표 (depth 1, e.g. 공통지표(1) 회계관리). */
@Entity('inspection_template_areas')
@Index(['versionId', 'code'], { unique: true })
export class InspectionTemplateArea {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  versionId: number;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  guidance: string | null;

  @Column({ type: 'int' })
  sortOrder: number;
}

/**
 * A measurable criterion of an item (e.g. the satisfaction survey reaches ≥ 10% of users): the
 * inspector enters the figures, the system judges. Kept as JSON on the item.
 */
export interface CriterionSpec {
  /** e.g. "만족도 조사 대상 비율(이용자 대비)" */
  label: string;
  /** 'ratio': numerator / denominator × 100 (or the percentage entered directly); 'value': one figure */
  kind: 'ratio' | 'value';
  numeratorLabel?: string;
  denominatorLabel?: string;
  comparator: 'gte' | 'gt' | 'lte' | 'lt';
  /** decimal text, e.g. "10" */
  threshold: string;
  /** e.g. "%" */
  unit?: string;
  /** decimals the judged value prints with (default 1) */
  decimals?: number;
}

@Entity('inspection_template_items')
@Index(['versionId', 'code'], { unique: true })
export class InspectionTemplateItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  versionId: number;

  @Column({ type: 'int' })
  areaId: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  guidance: string | null;

  /** JSON array of rating labels for this item (a copy of the version's scale unless overridden) */
  @Column({ type: 'varchar', length: 500 })
  ratingScale: string;

  /** JSON CriterionSpec or null */
  @Column({ type: 'text', nullable: true })
  criterion: string | null;

  @Column({ type: 'int' })
  sortOrder: number;
}
