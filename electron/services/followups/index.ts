/** Promises found in sent replies and in call wrap-ups, with their due times. */
export { detectPromises } from './detectPromises';
export { followUpFromWrapUp, type WrapUpFollowUp } from './wrapUpFollowUp';
export { defaultDue } from './defaultDue';
