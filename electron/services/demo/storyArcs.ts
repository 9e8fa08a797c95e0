/**
 * The four scripted story arcs that give the demo its emotional high and low points, and the names
 * of the customers they belong to (for tests and guided tours).
 */
import { ANGRY_REPEAT_CALLER, angryRepeatCallerArc } from './arcAngryRepeatCaller';
import type { ArcContext } from './arcContext';
import { FRIGHTENED_CUSTOMER, frightenedCustomerArc } from './arcFrightenedCustomer';
import { LOST_COMPLAINT_SUBJECT, LOST_CUSTOMER, lostCustomerArc } from './arcLostCustomer';
import { LOYAL_FAN, loyalFanArc } from './arcLoyalFan';
import type { ConversationPlan } from './conversationPlan';

export const STORY_CUSTOMERS = {
  angryRepeatCaller: ANGRY_REPEAT_CALLER,
  frightenedCustomer: FRIGHTENED_CUSTOMER,
  loyalFan: LOYAL_FAN,
  lostCustomer: LOST_CUSTOMER,
} as const;

export { LOST_COMPLAINT_SUBJECT };

export function storyArcPlans(context: ArcContext): ConversationPlan[] {
  return [
    ...angryRepeatCallerArc(context),
    ...frightenedCustomerArc(context),
    ...loyalFanArc(context),
    ...lostCustomerArc(context),
  ];
}
