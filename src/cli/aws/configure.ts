import { PROFILES } from '../../sim/index.ts'
import type { ProgramIO } from '../program.ts'
import type { AwsBackend } from './backend.ts'
import { argparseError, invalidChoice } from './errors.ts'
import { getCloseMatches } from './difflib.ts'
import type { GlobalOptions } from './globals.ts'

/**
 * `aws configure list` and `aws configure list-profiles` (awscli/customizations/configure/list.py,
 * listprofiles.py) over the sandbox's two profiles: `default` and `learner` (src/sim/sts/identities.ts). The
 * credentials are AWS's documented example keys, masked as the CLI masks them (16 `*` and the last four).
 */
const ACCESS_KEYS: Record<string, [string, string]> = {
  default: ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  learner: ['AKIAI44QH8DHBEXAMPLE', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
}

const SUBCOMMANDS = ['list', 'list-profiles', 'get', 'set', 'import', 'sso', 'sso-session', 'export-credentials', 'help']

const row = (name: string, value: string, type: string, location: string) => `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`
const mask = (value: string) => `${'*'.repeat(16)}${value.slice(-4)}`

export function runConfigure(args: string[], globals: GlobalOptions, backend: AwsBackend, io: ProgramIO): number {
  const [sub] = args
  if (sub === undefined) throw argparseError('the following arguments are required: operation')
  if (!SUBCOMMANDS.includes(sub)) throw invalidChoice('operation', sub, getCloseMatches(sub, SUBCOMMANDS))
  if (sub === 'list-profiles') {
    io.stdout(PROFILES.map((p) => `${p}\n`).join(''))
    return 0
  }
  if (sub !== 'list') {
    io.stderr(`\nThe sandbox's configuration is fixed: "aws configure ${sub}" is not simulated. Profiles: ${PROFILES.join(', ')} (aws configure list-profiles).\n`)
    return 252
  }
  const fromEnv = io.env.AWS_PROFILE
  const profile = globals.profile ?? fromEnv
  let out = row('Name', 'Value', 'Type', 'Location') + row('----', '-----', '----', '--------')
  out += profile === undefined ? row('profile', '<not set>', 'None', 'None') : globals.profile !== undefined ? row('profile', profile, 'manual', '--profile') : row('profile', profile, 'env', "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']")
  const keys = ACCESS_KEYS[profile ?? 'default']
  if (!keys) {
    io.stderr(`\nThe config profile (${profile}) could not be found\n`)
    return 255
  }
  out += row('access_key', mask(keys[0]), 'shared-credentials-file', '')
  out += row('secret_key', mask(keys[1]), 'shared-credentials-file', '')
  out += row('region', backend.region, 'config-file', '~/.aws/config')
  io.stdout(out)
  return 0
}
