import settlement from './get-settlement';

export default [settlement];
