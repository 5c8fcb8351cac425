import list from './list-revenue';
import post from './post-revenue-entry';
import create from './create-revenue-line';

export default [list, post, create];
