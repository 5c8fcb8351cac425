import list from './list-program-years';
import get from './get-program-year';
import create from './create-program-year';
import createAppropriation from './create-appropriation';

export default [list, get, create, createAppropriation];
