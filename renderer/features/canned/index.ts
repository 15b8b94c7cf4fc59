export { CannedPicker } from './picker.tsx';
export { cannedKeys } from './queries.ts';
