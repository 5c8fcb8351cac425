import list from './list-operator-entries';
import create from './create-operator-entry';

export default [list, create];
