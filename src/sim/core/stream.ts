/**
 * Append-only streams that live in the world but outside the journal: the event log, the ALB's recent requests, and
 * next metrics and log events. An append is a push on the plain array (O(1)); journaling it would copy the whole
 * array on its first append in every savepoint.
 *
 * Atomicity: a savepoint remembers each stream's length, and a rollback truncates back to it. That is only correct if
 * nothing is removed from the front while a savepoint is open, so trimming (dropping the oldest entries past a
 * stream's limit) happens only with no savepoint open: on an append outside any savepoint, and when the outermost
 * savepoint commits. This is simpler than keeping trimmed-off entries aside for a rollback to put back, and a command
 * can only overshoot a limit by what it appended itself.
 */
export interface StreamSpec {
  /** The stream's array in the plain world (read on every use: a resumed or migrated world holds a new array). */
  entries(): unknown[]
  /** How many entries are kept. */
  limit: number
  /** How far past `limit` the array may grow before a trim, so a busy stream does not shift its array on every push. */
  slack: number
}

export class Streams {
  /** Per open savepoint, outermost first: each stream's length when it began. */
  private readonly marks: number[][] = []

  private readonly specs: readonly StreamSpec[]

  constructor(specs: readonly StreamSpec[]) {
    this.specs = specs
  }

  append(stream: number, entry: unknown): void {
    const spec = this.specs[stream]
    const entries = spec.entries()
    entries.push(entry)
    if (this.marks.length === 0) trim(spec, entries)
  }

  begin(): void {
    this.marks.push(this.specs.map((spec) => spec.entries().length))
  }

  commit(): void {
    this.marks.pop()
    if (this.marks.length === 0) for (const spec of this.specs) trim(spec, spec.entries())
  }

  rollback(): void {
    const lengths = this.marks.pop()
    if (lengths) this.specs.forEach((spec, i) => (spec.entries().length = lengths[i]))
  }
}

function trim(spec: StreamSpec, entries: unknown[]): void {
  if (entries.length > spec.limit + spec.slack) entries.splice(0, entries.length - spec.limit)
}
