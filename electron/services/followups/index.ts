/** Promises found in sent replies, with their due times. */
export { detectPromises } from './detectPromises';
