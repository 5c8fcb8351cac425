import list from './list-org-units';
import create from './create-org-unit';

export default [list, create];
