import { Appropriation } from '../../../../entities/appropriation';
import { CalculationBasisLine } from '../../../../entities/calculation-basis-line';
import { Program } from '../../../../entities/program';
import { ProgramYear } from '../../../../entities/program-year';
import { notFound } from '../../../../domain/errors';
import { executionRateOf } from '../../../../domain/ledger';
import { route } from '../../../http/route';
import { LEDGER_READERS } from '../../../access/roles';
import { effectiveOrgUnitId, programYearFigures } from '../../../app/ledger/ledger';
import { idParam } from '../../../http/params';
import { assertOrgAccess } from '../../../access/scope';

export default route({
  id: 'program-years.get',
  method: 'get',
  path: '/program-years/:id',
  summary: 'One program-year: appropriations with their calculation basis, figures by expense item',
  roles: LEDGER_READERS,
  handler: async ({ ds, ctx, params }) => {
    const em = ds.manager;
    const py = await em.getRepository(ProgramYear).findOneBy({ id: idParam(params.id) });
    if (!py) throw notFound('Program-year', '사업(연도)');
    // A budget officer sees the detail of their own department's programs, as on the web page;
    // the settlement reports (public budget figures) stay readable across departments.
    const effectiveOrg = await effectiveOrgUnitId(em, py);
    await assertOrgAccess(em, ctx, effectiveOrg);
    const program = await em.getRepository(Program).findOneByOrFail({ id: py.programId });
    const appropriations = await em.getRepository(Appropriation).find({ where: { programYearId: py.id }, order: { expenseItem: 'ASC' } });
    const basis = appropriations.length
      ? await em
          .getRepository(CalculationBasisLine)
          .createQueryBuilder('b')
          .where('b.appropriationId IN (:...ids)', { ids: appropriations.map((a) => a.id) })
          .orderBy('b.seq')
          .getMany()
      : [];
    const figures = await programYearFigures(em, py.id);
    return {
      body: {
        ...py,
        program,
        effectiveOrgUnitId: effectiveOrg,
        appropriations: appropriations.map((a) => ({ ...a, basis: basis.filter((b) => b.appropriationId === a.id) })),
        figures: { ...figures, executionRate: executionRateOf(figures.total).text },
      },
    };
  },
});
