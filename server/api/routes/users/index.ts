import list from './list-users';
import create from './create-user';
import update from './update-user';

export default [list, create, update];
