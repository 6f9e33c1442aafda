import { paramError } from '../errors.ts'
import type { Customization } from './types.ts'

/**
 * `aws ec2 run-instances --count` (awscli/customizations/ec2/addcount.py): the CLI replaces `--min-count` and
 * `--max-count` with one `--count`. `--count 2` asks for exactly two (MinCount = MaxCount = 2), `--count 1:3`
 * for one to three; without it both default to 1.
 */
const DEFAULT = 1

export const addCount: Customization = {
  options: [{ name: '--count', doc: 'Number of instances to launch: min[:max] (e.g. 1 or 1:10); defaults to 1.' }],
  removes: ['--min-count', '--max-count'],
  apply(values, input) {
    const value = values.has('--count') ? String(values.get('--count')) : undefined
    if (value !== undefined) {
      const parts = value.split(':')
      // Python's int() as the CLI calls it: surrounding blanks allowed, a sign, digits (underscores between digits).
      const int = (s: string | undefined) => (s !== undefined && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(s) ? Number(s.replace(/_/g, '')) : undefined)
      const [min, max] = parts.length === 1 ? [int(parts[0]), int(parts[0])] : parts.length === 2 ? [int(parts[0]), int(parts[1])] : []
      if (min === undefined || max === undefined) throw paramError('count parameter should be of form min[:max] (e.g. 1 or 1:10)')
      input.MinCount = min
      input.MaxCount = max
    }
    input.MaxCount ??= DEFAULT
    input.MinCount ??= DEFAULT
  },
}
