import type { Rng } from '../core/index.ts'

/**
 * Names Docker gives unnamed containers: `adjective_surname` (moby `pkg/namesgenerator`, which draws from longer
 * lists of adjectives and notable scientists; a few of each are enough here).
 */
const LEFT = ['admiring', 'brave', 'clever', 'eager', 'festive', 'gallant', 'happy', 'jolly', 'keen', 'loving', 'nifty', 'quirky', 'relaxed', 'stoic', 'vibrant', 'zealous']
const RIGHT = ['babbage', 'curie', 'darwin', 'einstein', 'goldberg', 'hopper', 'kepler', 'lamport', 'lovelace', 'noether', 'pasteur', 'ritchie', 'shannon', 'tesla', 'turing', 'wozniak']

export function generateName(rng: Rng, taken: (name: string) => boolean): string {
  for (;;) {
    const name = `${LEFT[rng.int(0, LEFT.length - 1)]}_${RIGHT[rng.int(0, RIGHT.length - 1)]}`
    if (!taken(name)) return name
  }
}
