import list from './list-grant-plans';
import create from './create-grant-plan';
import approve from './approve-grant-plan';

export default [list, create, approve];
