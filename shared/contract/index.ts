export * from './domain';
export * from './ingestion';
export * from './errors';
export * from './methods';
export * from './events';
export * from './analysis';
export * from './wire';
export type { KinshipBridge } from './bridge';
export * from './messageMeta';
