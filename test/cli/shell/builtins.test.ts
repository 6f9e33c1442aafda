import { describe, expect, test } from 'vitest'
import { CLEAR_SCREEN } from '../../../src/cli/builtins/index.ts'
import { resolvePath, runShell } from '../../../src/cli/shell/index.ts'
import { createShell } from './harness.ts'

type Case = [name: string, line: string, expected: { stdout?: string; stderr?: string; exitCode: number }]

const files = { 'task-def.json': '{"family":"web"}\n', 'notes.txt': 'hello\n', 'conf/app.env': 'A=1\n' }

const cases: Case[] = [
  ['echo joins its arguments with spaces', 'echo a   "b  c"', { stdout: 'a b  c\n', exitCode: 0 }],
  ['echo -n leaves out the newline', 'echo -n a', { stdout: 'a', exitCode: 0 }],
  ['echo -e interprets backslash escapes', "echo -e 'a\\tb\\nc'", { stdout: 'a\tb\nc\n', exitCode: 0 }],
  ['echo without -e prints backslashes as typed', "echo 'a\\tb'", { stdout: 'a\\tb\n', exitCode: 0 }],
  ['echo treats only -n/-e/-E words as options', 'echo -nx -- a', { stdout: '-nx -- a\n', exitCode: 0 }],
  ['cat prints working-folder files', 'cat task-def.json ./notes.txt', { stdout: '{"family":"web"}\nhello\n', exitCode: 0 }],
  ['cat understands ~/ and the full CloudShell path', 'cat ~/notes.txt /home/cloudshell-user/notes.txt', { stdout: 'hello\nhello\n', exitCode: 0 }],
  ['cat of a missing file', 'cat missing.json', { stderr: 'cat: missing.json: No such file or directory\n', exitCode: 1 }],
  ['cat of a folder', 'cat conf', { stderr: 'cat: conf: Is a directory\n', exitCode: 1 }],
  ['ls lists the working folder in columns', 'ls', { stdout: 'conf  notes.txt  task-def.json\n', exitCode: 0 }],
  ['ls of a missing file', 'ls nope', { stderr: "ls: cannot access 'nope': No such file or directory\n", exitCode: 2 }],
  ['pwd is the CloudShell home', 'pwd', { stdout: '/home/cloudshell-user\n', exitCode: 0 }],
  ['cd home works', 'cd && cd ~ && cd /home/cloudshell-user && cd', { exitCode: 0 }],
  ['cd elsewhere does not', 'cd /tmp', { stderr: 'bash: cd: /tmp: No such file or directory\n', exitCode: 1 }],
  ['cd into a file', 'cd notes.txt', { stderr: 'bash: cd: notes.txt: Not a directory\n', exitCode: 1 }],
  ['clear writes the clear-screen escape', 'clear', { stdout: CLEAR_SCREEN, exitCode: 0 }],
  ['true and false', 'true; false', { exitCode: 1 }],
  ['export lists exported variables as declare -x', 'export -n HOME PWD USER; export A=\'x"y\' B; export', { stdout: 'declare -x A="x\\"y"\ndeclare -x B\n', exitCode: 0 }],
  ['export rejects bad names', 'export 1A=b', { stderr: "bash: export: `1A=b': not a valid identifier\n", exitCode: 1 }],
  ['env prints the exported variables sorted', 'unset HOME PWD USER; export B=2 A=1; C=3; D=4 env', { stdout: 'A=1\nB=2\nD=4\n', exitCode: 0 }],
  ['unset forgets a variable', 'X=1; unset X; echo "[$X]"', { stdout: '[]\n', exitCode: 0 }],
]

describe('built-ins', () => {
  test.each(cases)('%s', (_name, line, expected) => {
    const result = createShell(files).run(line)
    expect(result).toEqual({ stdout: expected.stdout ?? '', stderr: expected.stderr ?? '', exitCode: expected.exitCode })
  })

  test('history numbers the lines like bash, including the history command itself', () => {
    const shell = createShell()
    shell.run('echo a')
    shell.run('export X=1')
    expect(shell.run('history').stdout).toBe('    1  echo a\n    2  export X=1\n    3  history\n')
    expect(shell.run('history 2').stdout).toBe('    3  history\n    4  history 2\n')
  })

  test('help lists the registered programs and the built-ins, one line each', () => {
    const { stdout, exitCode } = createShell().run('help')
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^ {2}aws +the AWS CLI v2/m)
    expect(stdout).toMatch(/^ {2}args$/m)
    expect(stdout).toMatch(/^ {2}cat +print files from the working folder/m)
    expect(stdout).toMatch(/^ {2}history +list the commands typed so far/m)
  })

  test('a registered program replaces a plain built-in of the same name but not a shell one', () => {
    const shell = createShell()
    const programs = { ...shell.programs, echo: () => 42, export: () => 42 }
    const files = { read: () => undefined, write: () => {}, list: () => [] }
    expect(runShell('echo hi', shell.state, programs, files).exitCode).toBe(42)
    expect(runShell('export X=1', shell.state, programs, files).exitCode).toBe(0)
  })

  test('ls lays out many names in columns across 80 characters, top to bottom', () => {
    const names = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`task-definition-${String(i).padStart(2, '0')}.json`, '{}']))
    expect(createShell(names).run('ls').stdout).toBe(
      [
        'task-definition-00.json  task-definition-04.json  task-definition-08.json',
        'task-definition-01.json  task-definition-05.json  task-definition-09.json',
        'task-definition-02.json  task-definition-06.json  task-definition-10.json',
        'task-definition-03.json  task-definition-07.json  task-definition-11.json',
        '',
      ].join('\n'),
    )
  })
})

describe('output redirection', () => {
  test('> writes a working-folder file and >> appends to it', () => {
    const shell = createShell()
    expect(shell.run('echo one > out.txt; echo two >> ~/out.txt')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(shell.store['out.txt']).toBe('one\ntwo\n')
  })

  test('2>&1 after > sends both streams to the file; before it, only stdout', () => {
    const shell = createShell()
    shell.run('fail > both.txt 2>&1; fail 2>&1 > only-out.txt')
    expect(shell.store['both.txt']).toBe('it failed\n')
    expect(shell.store['only-out.txt']).toBe('')
  })

  test('2>&1 alone moves errors to stdout; 2>/dev/null hides them', () => {
    const shell = createShell()
    expect(shell.run('fail 2>&1')).toEqual({ stdout: 'it failed\n', stderr: '', exitCode: 1 })
    expect(shell.run('fail 2>/dev/null')).toEqual({ stdout: '', stderr: '', exitCode: 1 })
    expect(shell.run('echo to-err >&2')).toEqual({ stdout: '', stderr: 'to-err\n', exitCode: 0 })
  })

  test('> truncates the file even when the command is not found', () => {
    const shell = createShell({ 'x.txt': 'old' })
    expect(shell.run('nope > x.txt').exitCode).toBe(127)
    expect(shell.store['x.txt']).toBe('')
  })

  test('a redirect target that splits or is empty is ambiguous', () => {
    const shell = createShell()
    expect(shell.run('X="a b"; echo hi > $X')).toEqual({ stdout: '', stderr: 'bash: $X: ambiguous redirect\n', exitCode: 1 })
    expect(shell.run('echo hi > $NOPE').stderr).toBe('bash: $NOPE: ambiguous redirect\n')
  })

  test('writing into a folder that does not exist fails like bash', () => {
    expect(createShell().run('echo x > out/x.txt')).toEqual({ stdout: '', stderr: 'bash: out/x.txt: No such file or directory\n', exitCode: 1 })
  })

  test('writing outside the home directory is refused', () => {
    expect(createShell().run('echo x > /etc/hosts')).toEqual({ stdout: '', stderr: 'bash: /etc/hosts: Permission denied\n', exitCode: 1 })
  })
})

describe('resolvePath', () => {
  test.each([
    ['x.json', 'x.json'],
    ['./x.json', 'x.json'],
    ['~/x.json', 'x.json'],
    ['/home/cloudshell-user/x.json', 'x.json'],
    ['conf/../x.json', 'x.json'],
    ['~', ''],
    ['/etc/hosts', undefined],
    ['../x.json', undefined],
  ])('%s is %s', (path, expected) => {
    expect(resolvePath(path)).toBe(expected)
  })
})
