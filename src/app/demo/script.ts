/**
 * A demo script: what an instructor runs in front of a class, one beat per key press. Plain text, kept as a file
 * ending in `.demo` in the working folder (the Files tab) so it travels with the session.
 *
 *   script := line*
 *   line   := '#' note            a note for the instructor, shown beside the beat it precedes
 *           | 'pause'             ends a beat: the demo stops here until the next key press
 *           | command ['\']       a shell line, as typed into the console (a trailing '\' continues it)
 *           | blank               ignored
 *
 * Without any `pause` line, every command is a beat of its own (with the notes just above it).
 */
export interface DemoBeat {
  notes: string[]
  commands: string[]
}

export interface DemoScript {
  beats: DemoBeat[]
}

export const DEMO_EXTENSION = '.demo'

const PAUSE = /^pause\s*$/i

/** Joins lines ending in a backslash with the next one, as a shell does. */
function logicalLines(text: string): string[] {
  const out: string[] = []
  let pending = ''
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = pending ? `${pending} ${raw.trim()}` : raw.trim()
    if (line.endsWith('\\') && !line.startsWith('#')) pending = line.slice(0, -1).trimEnd()
    else {
      pending = ''
      out.push(line)
    }
  }
  if (pending) out.push(pending)
  return out
}

export function parseDemo(text: string): DemoScript {
  const lines = logicalLines(text)
  const paused = lines.some((l) => PAUSE.test(l))
  const beats: DemoBeat[] = []
  let beat: DemoBeat = { notes: [], commands: [] }
  const flush = () => {
    if (beat.notes.length > 0 || beat.commands.length > 0) beats.push(beat)
    beat = { notes: [], commands: [] }
  }
  for (const line of lines) {
    if (!line) continue
    if (PAUSE.test(line)) flush()
    else if (line.startsWith('#')) {
      if (!paused && beat.commands.length > 0) flush()
      beat.notes.push(line.replace(/^#+\s?/, ''))
    } else {
      beat.commands.push(line)
      if (!paused) flush()
    }
  }
  flush()
  return { beats }
}

/** The example a new instructor starts from: the first steps of the course's Fargate walkthrough. */
export const EXAMPLE_DEMO = `# Start with an empty cluster: a name and nothing else yet.
aws ecs create-cluster --cluster-name demo-cluster
pause
# The default VPC already has a subnet in each Availability Zone.
aws ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone]' --output text
pause
# Let the clock run: nothing changes until something is asked for.
sleep 30
aws ecs list-clusters
`
