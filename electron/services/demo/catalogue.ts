/** What Larkspur Home sells and how it ships: products, couriers, discount codes, places. */

export interface Product {
  name: string;
  /** What a customer calls it in a hurry ("sofa"). */
  short: string;
  price: number;
  /** Colours or sizes; at least two, so a wrong one can be sent. */
  variants: readonly string[];
  flatpack: boolean;
  /** Needs the two-person delivery team. */
  bulky: boolean;
  dims: string;
  care: string;
  damage: readonly string[];
}

const p = (product: Product): Product => product;

export const PRODUCTS: readonly Product[] = [
  p({ name: 'Hollis three-seater sofa', short: 'sofa', price: 1149, variants: ['Sage', 'Oat', 'Charcoal'], flatpack: false, bulky: true,
    dims: '214 cm wide, 92 cm deep and 84 cm high, and with the feet off it goes through a 76 cm doorway',
    care: 'the covers zip off and can go in the washing machine at 30°C, and the fabric is treated against stains',
    damage: ['one of the back legs has snapped clean off', 'there is a long tear in the fabric along the left arm'] }),
  p({ name: 'Sable velvet armchair', short: 'armchair', price: 549, variants: ['Emerald', 'Mustard', 'Dusky Pink'], flatpack: false, bulky: true,
    dims: '78 cm wide, 84 cm deep and 88 cm high',
    care: 'the velvet can be brushed and spot-cleaned with a damp cloth; most marks lift straight off',
    damage: ['the velvet on the seat is crushed and marked', 'one of the brass feet is bent'] }),
  p({ name: 'Wren oak side table', short: 'side table', price: 129, variants: ['Natural Oak', 'Smoked Oak'], flatpack: true, bulky: false,
    dims: '45 cm across and 55 cm high',
    care: 'a wipe with a damp cloth is all it needs, and a coat of our oak oil once a year keeps it looking new',
    damage: ['the top has a deep gouge across it', 'one leg is split at the joint'] }),
  p({ name: 'Juniper five-shelf bookcase', short: 'bookcase', price: 289, variants: ['White', 'Walnut'], flatpack: true, bulky: false,
    dims: '80 cm wide, 30 cm deep and 180 cm high, and it comes with a wall fixing kit',
    care: 'it is a painted finish, so a soft damp cloth and no polish is best',
    damage: ['one of the side panels is cracked near the bottom', 'the corner of the top panel is smashed in'] }),
  p({ name: 'Fenwick ceramic table lamp', short: 'lamp', price: 89, variants: ['Chalk', 'Ochre'], flatpack: false, bulky: false,
    dims: '52 cm high with the shade, and the base is 18 cm across',
    care: 'dust it with a dry cloth, and the shade can be wiped with a lint roller',
    damage: ['the base is cracked right through', 'the shade is crushed flat'] }),
  p({ name: 'Arden wool throw', short: 'throw', price: 65, variants: ['Moss', 'Rust', 'Oatmeal'], flatpack: false, bulky: false,
    dims: '130 cm by 180 cm',
    care: 'it can go on a cool wool wash, then dry it flat',
    damage: ['there is a hole near one corner', 'it has a big oily mark across the middle'] }),
  p({ name: 'Maple linen duvet cover', short: 'duvet cover', price: 95, variants: ['double', 'king', 'super king'], flatpack: false, bulky: false,
    dims: 'double is 200 × 200 cm, king 225 × 220 cm and super king 260 × 220 cm',
    care: 'wash it at 40°C and it gets softer every time; it is fine in the tumble dryer on low',
    damage: ['the seam along the bottom has come apart', 'there is a small tear by the buttons'] }),
  p({ name: 'Orla stoneware dinner set', short: 'dinner set', price: 119, variants: ['Sea Salt', 'Storm Grey'], flatpack: false, bulky: false,
    dims: 'twelve pieces – four dinner plates (27 cm), four side plates (21 cm) and four bowls (16 cm)',
    care: 'it is dishwasher and microwave safe',
    damage: ['two of the plates are smashed', 'three bowls have chips on the rim'] }),
  p({ name: 'Ember cast-iron casserole dish', short: 'casserole dish', price: 79, variants: ['Cherry', 'Slate'], flatpack: false, bulky: false,
    dims: '24 cm across and holds 4 litres',
    care: 'it works on every hob including induction and goes in the oven up to 260°C; hand-washing keeps the enamel at its best',
    damage: ['the enamel is chipped inside the lid', 'the lid handle has snapped off'] }),
  p({ name: 'Marlow rattan mirror', short: 'mirror', price: 145, variants: ['60 cm', '80 cm'], flatpack: false, bulky: false,
    dims: 'it’s 60 cm or 80 cm across, and comes with a hanging wire',
    care: 'glass cleaner on the mirror and a soft brush for the rattan',
    damage: ['the glass is cracked from one edge', 'the rattan frame is split and unravelling'] }),
  p({ name: 'Cotswold jute rug', short: 'rug', price: 210, variants: ['120 x 170 cm', '160 x 230 cm', '200 x 290 cm'], flatpack: false, bulky: false,
    dims: 'it comes in 120 × 170 cm, 160 × 230 cm and 200 × 290 cm',
    care: 'vacuum it without the beater bar and blot spills straight away',
    damage: ['there is a big water stain across one end', 'the binding has come away along one side'] }),
  p({ name: 'Alder extending dining table', short: 'dining table', price: 749, variants: ['Natural Oak', 'Black Ash'], flatpack: true, bulky: true,
    dims: '160 cm long, extending to 220 cm, 90 cm wide; it seats six, or eight extended',
    care: 'wipe spills straight away and use mats under hot dishes; a yearly coat of oak oil keeps it protected',
    damage: ['the tabletop has a deep scratch down the middle', 'one of the extension runners is bent'] }),
  p({ name: 'Nook bedside table', short: 'bedside table', price: 159, variants: ['White', 'Sage'], flatpack: true, bulky: false,
    dims: '45 cm wide, 38 cm deep and 58 cm high',
    care: 'a damp cloth is fine; avoid spray polish on the painted drawers',
    damage: ['the drawer front is split', 'the top is dented in one corner'] }),
  p({ name: 'Halden blackout curtains', short: 'curtains', price: 85, variants: ['117 x 137 cm', '168 x 183 cm', '228 x 229 cm'], flatpack: false, bulky: false,
    dims: 'sold in pairs, in 117 × 137 cm, 168 × 183 cm and 228 × 229 cm (width × drop)',
    care: 'they can go on a 30°C wash; hang them straight back up to drop out the creases',
    damage: ['one curtain has a long snag down the front', 'the lining is torn at the top'] }),
  p({ name: 'Pebble cushion covers (pair)', short: 'cushion covers', price: 32, variants: ['Ochre', 'Sage', 'Chalk'], flatpack: false, bulky: false,
    dims: '45 × 45 cm each',
    care: 'they wash at 30°C; pop them back on the pads while still slightly damp',
    damage: ['one zip is broken', 'one cover has a stain on the front'] }),
];

export const PARCEL_COURIERS = ['Parcelwise', 'Swiftline'] as const;
export const TWO_PERSON_COURIER = 'HomeRun';
export const DISCOUNT_CODES = ['SPRING15', 'LARK20', 'WELCOME10', 'HOMEWEEK15'] as const;

export const POSTCODES = [
  'BS7 8QT', 'BA1 5HY', 'GL50 2PR', 'CF24 4AN', 'M20 6RL', 'LS6 2DF', 'NG7 1FB', 'EX4 3LS', 'YO31 7HE', 'SN1 4BJ',
  'OX4 1SA', 'BN2 0QW', 'NE6 5AX', 'PL4 7DP', 'L17 8UH',
] as const;

export const STREETS = [
  'Elm Grove', 'Chandos Road', 'Kingsdown Parade', 'Ash Lane', 'Victoria Terrace', 'Orchard Close', 'Mill Street',
  'Hawthorn Avenue', 'St Mary’s Road', 'Beech Walk', 'Canal Side', 'Rosemary Court',
] as const;

export const TOWNS = ['Bristol', 'Bath', 'Cheltenham', 'Cardiff', 'Manchester', 'Leeds', 'Nottingham', 'Exeter', 'York'] as const;

/** "£1,149.00" */
export function formatPounds(amount: number): string {
  const [whole = '0', pence = '00'] = amount.toFixed(2).split('.');
  return `£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}
