/**
 * The personal details that make each conversation its own: order numbers, dates, couriers,
 * prices, codes and addresses, as template slots.
 */
import type { Agent } from './brand';
import type { Product } from './catalogue';
import {
  DISCOUNT_CODES, PARCEL_COURIERS, POSTCODES, STREETS, TOWNS, TWO_PERSON_COURIER, formatPounds,
} from './catalogue';
import { DAY, formatDayMonth, formatLongDate, weekdayName } from './clock';
import type { Slots } from './fillTemplate';
import type { DemoCustomer } from './people';
import type { Random } from './seededRandom';

/** Hands out order numbers ("LH-483920") that are never repeated. */
export class OrderNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  next(): string {
    let order = `LH-${this.rng.int(100000, 999999)}`;
    while (this.used.has(order)) order = `LH-${this.rng.int(100000, 999999)}`;
    this.used.add(order);
    return order;
  }
}

export interface DetailsInput {
  rng: Random;
  orders: OrderNumbers;
  customer: DemoCustomer;
  agent: Agent;
  product: Product;
  /** When the conversation starts. */
  start: number;
}

export function conversationDetails({ rng, orders, customer, agent, product, start }: DetailsInput): Slots {
  const days = rng.int(6, 15);
  const fixAt = start + rng.int(2, 4) * DAY;
  const [variant = product.variants[0] ?? '', wrongVariant = variant] = rng.shuffle(product.variants);
  const postcode = rng.pick(POSTCODES);
  return {
    first: customer.firstName,
    agent: agent.firstName,
    product: product.name,
    productShort: product.short,
    order: orders.next(),
    days: String(days),
    orderDate: formatDayMonth(start - days * DAY),
    weekday: weekdayName(start - rng.int(1, 3) * DAY),
    fixDate: formatLongDate(fixAt),
    fixDay: weekdayName(fixAt),
    returnDate: formatDayMonth(start - rng.int(8, 14) * DAY),
    courier: product.bulky ? TWO_PERSON_COURIER : rng.pick(PARCEL_COURIERS),
    courierRef: `${product.bulky ? 'HR' : 'PW'}-${rng.int(10000, 99999)}`,
    price: formatPounds(product.price),
    discount: formatPounds(Math.round(product.price * 0.15)),
    code: rng.pick(DISCOUNT_CODES),
    postcode,
    newAddress: `${rng.int(2, 140)} ${rng.pick(STREETS)}, ${rng.pick(TOWNS)} ${rng.pick(POSTCODES)}`,
    variant,
    wrongVariant,
    damage: rng.pick(product.damage),
    dims: product.dims,
    care: capitalise(product.care),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
