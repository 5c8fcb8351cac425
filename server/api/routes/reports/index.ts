import catalogue from './list-reports';
import get from './get-report';

export default [catalogue, get];
