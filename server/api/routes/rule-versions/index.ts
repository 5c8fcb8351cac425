import list from './list-rule-versions';
import create from './create-rule-version';

export default [list, create];
