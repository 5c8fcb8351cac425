import listFiscalYears from './list-fiscal-years';
import openFiscalYear from './open-fiscal-year';
import closeFiscalYear from './close-fiscal-year';

export default [listFiscalYears, openFiscalYear, closeFiscalYear];
