import list from './list-programs';
import create from './create-program';

export default [list, create];
