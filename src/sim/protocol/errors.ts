/**
 * The model has this operation, but the simulator does not model it yet. Not an AWS error: the CLI says so
 * in its own words (exit 254) and names the similar operations that are simulated, never a fake success.
 */
export class NotSimulatedError extends Error {
  readonly service: string
  readonly operation: string
  /** Model names of simulated operations of the same service that share a verb or a noun with this one. */
  readonly similar: string[]

  constructor(service: string, operation: string, similar: string[]) {
    super(`${service} ${operation} is not simulated yet`)
    this.name = 'NotSimulatedError'
    this.service = service
    this.operation = operation
    this.similar = similar
  }
}

export const isNotSimulated = (e: unknown): e is NotSimulatedError => e instanceof NotSimulatedError

/** Split `DescribeSecurityGroups` into `Describe`, `Security`, `Groups`. */
const words = (name: string): string[] => name.match(/[A-Z][a-z0-9]*/g) ?? [name]

/** Simulated operations that share the verb, or any noun, with `operation`; nouns first. */
export function similarOperations(operation: string, simulated: string[]): string[] {
  const [verb, ...nouns] = words(operation)
  const singular = (w: string) => w.replace(/s$/, '')
  const nounSet = new Set(nouns.map(singular))
  const byNoun = simulated.filter((op) => words(op).slice(1).some((w) => nounSet.has(singular(w))))
  const byVerb = simulated.filter((op) => words(op)[0] === verb && !byNoun.includes(op))
  return [...byNoun, ...byVerb].slice(0, 6)
}
