/** Every everyday topic the demo draws from. */
import { DISCOUNT_CODE, BILLING } from './topicsBilling';
import { ADDRESS_CHANGE, CANCELLATION, DAMAGED_ITEM, LATE_DELIVERY } from './topicsDelivery';
import { ASSEMBLY_HELP, PRAISE, PRODUCT_QUESTION } from './topicsProducts';
import { REFUND, WRONG_ITEM } from './topicsReturns';
import type { Topic } from './topicTypes';

export const TOPICS: readonly Topic[] = [
  LATE_DELIVERY,
  DAMAGED_ITEM,
  WRONG_ITEM,
  REFUND,
  DISCOUNT_CODE,
  PRODUCT_QUESTION,
  ASSEMBLY_HELP,
  BILLING,
  ADDRESS_CHANGE,
  PRAISE,
  CANCELLATION,
];
