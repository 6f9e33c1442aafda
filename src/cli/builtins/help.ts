import type { Program } from '../program.ts'
import type { Builtin } from './types.ts'

/** One-line descriptions of the programs the sandbox usually registers; a program may carry its own. */
const KNOWN_PROGRAMS: Record<string, string> = {
  aws: 'the AWS CLI v2 (aws ecs, aws elbv2, aws ec2, aws ecr, ...; aws help)',
  docker: 'the Docker CLI (build, run, ps, images, push, ...)',
  curl: 'make an HTTP request (curl http://<load balancer DNS name>/)',
  hey: 'put load on a URL (hey -z 5m -c 50 http://<load balancer DNS name>/)',
  sleep: 'let the virtual clock run (sleep 90, sleep 2m): instances boot, agents register, tasks start',
  jq: "filter JSON (aws ecs list-clusters | jq -r '.clusterArns[]')",
}

const describe = (name: string, program: Program): string =>
  (program as Program & { description?: unknown }).description?.toString() ?? KNOWN_PROGRAMS[name] ?? ''

const table = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([name]) => name.length))
  return rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`.trimEnd() + '\n').join('')
}

/** Builds `help` over the final built-in table (passed in to avoid a cycle with index.ts). */
export function makeHelp(list: () => Readonly<Record<string, Builtin>>): Builtin {
  return {
    summary: 'show this list',
    shell: true,
    run(_args, io, { programs }) {
      const names = Object.keys(programs).sort()
      const builtins = list()
      let out = 'Container Sandbox shell: a bash-like prompt in an AWS CloudShell home directory.\n'
      if (names.length) out += `\nPrograms:\n${table(names.map((n) => [n, describe(n, programs[n] as Program)]))}`
      const shellNames = Object.keys(builtins).filter((n) => !names.includes(n)).sort()
      out += `\nShell built-ins:\n${table(shellNames.map((n) => [n, builtins[n]?.summary ?? '']))}`
      out += '\nQuoting, $VARS, $(command), ;, &&, ||, pipes (|), > file and < file work as in bash.\n'
      io.stdout(out)
      return 0
    },
  }
}
