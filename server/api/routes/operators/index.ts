import list from './list-operators';
import create from './create-operator';

export default [list, create];
