import list from './list-revenue';
import post from './post-revenue-entry';

export default [list, post];
