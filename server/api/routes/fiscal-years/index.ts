import listFiscalYears from './list-fiscal-years';
import openFiscalYear from './open-fiscal-year';
import closeFiscalYear from './close-fiscal-year';
import carryOverPreview from './carry-over-preview';

export default [listFiscalYears, openFiscalYear, closeFiscalYear, carryOverPreview];
