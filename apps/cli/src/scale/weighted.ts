/**
 * A lookup table of 100 entries in which each value appears as often as its
 * weight (the weights add up to 100): `table[floor(random() * 100)]` then
 * draws values with those frequencies, inside SQL.
 */
export function weightedTable(weights: Record<string, number>): string[] {
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  if (total !== 100) throw new Error(`weights must add up to 100, got ${total}`);
  return Object.entries(weights).flatMap(([value, weight]) => Array<string>(weight).fill(value));
}

/** Lunchrooms and hallways are where most bullying happens. */
export const LOCATION_WEIGHTS = {
  cafeteria: 24,
  hallway: 20,
  classroom: 12,
  playground: 10,
  online: 10,
  bus: 8,
  restroom: 5,
  locker_room: 4,
  gym: 3,
  off_campus: 2,
  other: 2,
};

export const CATEGORY_WEIGHTS = {
  verbal: 30,
  social: 18,
  physical: 15,
  cyber: 12,
  discrimination: 6,
  threat: 5,
  property: 5,
  other: 5,
  sexual_harassment: 4,
};

export const DESCRIPTIONS = [
  'They laugh at me at lunch every day and throw food at my tray.',
  'A group of kids blocks my way in the hallway and calls me names.',
  'Someone posted an edited photo of me in the class group chat.',
  'He pushed me into the lockers after gym and took my bag.',
  'They tell everyone not to sit with me in the cafeteria.',
  'A boy on the bus keeps kicking my seat and saying I smell.',
  'Me quitan el almuerzo y se burlan de mi acento en el comedor.',
  'She spreads rumours about me and now nobody talks to me at recess.',
  'Older students take my money in the restroom before lunch.',
  'They make fun of my clothes and record me on their phones.',
  'My child comes home upset; other students mock him at lunch and he does not want to go back.',
  'I saw two students corner a younger one near the playground fence.',
];
