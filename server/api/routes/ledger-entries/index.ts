import list from './list-entries';
import create from './create-entry';
import reverse from './reverse-entry';

export default [list, create, reverse];
