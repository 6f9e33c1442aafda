import { describe, expect, test } from 'vitest'
import { createShell } from './harness.ts'

type Case = [name: string, line: string, expected: { stdout?: string; stderr?: string; exitCode: number }]

const files = {
  'clusters.txt': 'web\napi\nweb\nbatch\n',
  'ports.tsv': 'web\t80\t8080\napi\t443\t9000\nworker\t8\t100\n',
  'notes.txt': 'Hello world\nhello again\nbye\n',
  'conf/app.env': 'A=1\n',
}

/** Pipelines and redirections of standard input, checked against bash 5.2 with GNU coreutils 9 and grep 3. */
const cases: Case[] = [
  ['| feeds one command\'s output to the next', 'echo hello | cat', { stdout: 'hello\n', exitCode: 0 }],
  ['a pipeline of three', 'cat clusters.txt | sort | uniq -c', { stdout: '      1 api\n      1 batch\n      2 web\n', exitCode: 0 }],
  ['stderr skips the pipe and reaches the terminal', 'fail 3 | cat', { stderr: 'it failed\n', exitCode: 0 }],
  ['2>&1 sends stderr down the pipe too', 'fail 3 2>&1 | grep -c failed', { stdout: '1\n', exitCode: 0 }],
  ['the status is the last command\'s', 'echo a | fail 4', { stderr: 'it failed\n', exitCode: 4 }],
  ['set -o pipefail: the last failure wins', 'set -o pipefail; fail 3 | cat', { stderr: 'it failed\n', exitCode: 3 }],
  ['set +o pipefail turns it off again', 'set -o pipefail; set +o pipefail; fail 3 | cat', { stderr: 'it failed\n', exitCode: 0 }],
  ['&& after a pipeline looks at the pipeline\'s status', 'echo a | grep -q b && echo yes || echo no', { stdout: 'no\n', exitCode: 0 }],
  ['each command of a pipeline runs in a subshell', 'X=1; X=2 | cat; echo $X', { stdout: '1\n', exitCode: 0 }],
  ['$? inside a pipeline is the status from before it', 'false; echo $? | cat', { stdout: '1\n', exitCode: 0 }],
  ['< file is standard input', 'wc -l < clusters.txt', { stdout: '4\n', exitCode: 0 }],
  ['< a missing file stops the command', 'wc -l < nope.txt', { stderr: 'bash: nope.txt: No such file or directory\n', exitCode: 1 }],
  ['<<< passes a here-string', 'X="a b"; cat <<< $X', { stdout: 'a b\n', exitCode: 0 }],
  ['a pipe at the end of the line is incomplete', 'echo a |', { stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 }],
  ['a pipe with nothing before it', '| grep x', { stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 }],
  ['tee writes the file and passes the text on', 'echo hi | tee out.txt | cat; cat out.txt', { stdout: 'hi\nhi\n', exitCode: 0 }],
  ['less and more print everything', 'cat notes.txt | less | more', { stdout: files['notes.txt'], exitCode: 0 }],
  ['cat - reads standard input between files', 'echo mid | cat conf/app.env - conf/app.env', { stdout: 'A=1\nmid\nA=1\n', exitCode: 0 }],

  ['grep prints matching lines', 'grep hello notes.txt', { stdout: 'hello again\n', exitCode: 0 }],
  ['grep -i ignores case', 'grep -i HELLO notes.txt', { stdout: 'Hello world\nhello again\n', exitCode: 0 }],
  ['grep -v inverts', 'grep -v hello notes.txt', { stdout: 'Hello world\nbye\n', exitCode: 0 }],
  ['grep -c counts', 'grep -ci hello notes.txt', { stdout: '2\n', exitCode: 0 }],
  ['grep -n numbers lines', 'grep -n bye notes.txt', { stdout: '3:bye\n', exitCode: 0 }],
  ['grep -o prints only the matches', "grep -oE '[0-9]+' ports.tsv | head -2", { stdout: '80\n8080\n', exitCode: 0 }],
  ['grep -w matches whole words', 'grep -w web clusters.txt ports.tsv', { stdout: 'clusters.txt:web\nclusters.txt:web\nports.tsv:web\t80\t8080\n', exitCode: 0 }],
  ['grep -E alternation', "grep -E 'api|batch' clusters.txt", { stdout: 'api\nbatch\n', exitCode: 0 }],
  ['grep basic regexps treat | as a letter', "grep 'api|batch' clusters.txt", { exitCode: 1 }],
  ['grep basic \\| is alternation', "grep 'api\\|batch' clusters.txt", { stdout: 'api\nbatch\n', exitCode: 0 }],
  ['grep -F takes the pattern literally', "echo 'a.b axb' | grep -oF a.b", { stdout: 'a.b\n', exitCode: 0 }],
  ['grep [[:digit:]] classes', "grep -c '^[[:alpha:]]*[[:space:]][[:digit:]]' ports.tsv", { stdout: '3\n', exitCode: 0 }],
  ['grep exits 1 when nothing matches', 'grep nothing notes.txt', { exitCode: 1 }],
  ['grep -q prints nothing and says yes', 'grep -q bye notes.txt', { exitCode: 0 }],
  ['grep on a missing file', 'grep x nosuchfile', { stderr: 'grep: nosuchfile: No such file or directory\n', exitCode: 2 }],
  ['grep on a folder', 'grep x conf', { stderr: 'grep: conf: Is a directory\n', exitCode: 2 }],
  ['grep without a pattern', 'grep', { stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 }],
  ['grep with a bad option', 'grep -Z x', { stderr: "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 }],
  ['grep with an unmatched (', "grep -E '(a' notes.txt", { stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 }],
  ['grep -A prints lines after, -- between groups', "grep -A1 -E 'web|batch' clusters.txt", { stdout: 'web\napi\nweb\nbatch\n', exitCode: 0 }],
  ['grep -e twice', 'grep -e api -e bye clusters.txt notes.txt', { stdout: 'clusters.txt:api\nnotes.txt:bye\n', exitCode: 0 }],

  ['head -n', 'head -n 2 clusters.txt', { stdout: 'web\napi\n', exitCode: 0 }],
  ['head -N', 'cat clusters.txt | head -1', { stdout: 'web\n', exitCode: 0 }],
  ['head -c', 'head -c 5 clusters.txt', { stdout: 'web\na', exitCode: 0 }],
  ['head -n -1 leaves out the last line', 'head -n -1 clusters.txt', { stdout: 'web\napi\nweb\n', exitCode: 0 }],
  ['head of two files has headers', 'head -n 1 clusters.txt notes.txt', { stdout: '==> clusters.txt <==\nweb\n\n==> notes.txt <==\nHello world\n', exitCode: 0 }],
  ['head of a missing file', 'head nope', { stderr: "head: cannot open 'nope' for reading: No such file or directory\n", exitCode: 1 }],
  ['head with a bad count', 'head -n x clusters.txt', { stderr: "head: invalid number of lines: 'x'\n", exitCode: 1 }],
  ['tail -n', 'tail -n 2 clusters.txt', { stdout: 'web\nbatch\n', exitCode: 0 }],
  ['tail -n +3 starts at line 3', 'tail -n +3 clusters.txt', { stdout: 'web\nbatch\n', exitCode: 0 }],
  ['tail -c', 'tail -c 3 clusters.txt', { stdout: 'ch\n', exitCode: 0 }],

  ['wc -l from a pipe', 'cat clusters.txt | wc -l', { stdout: '4\n', exitCode: 0 }],
  ['wc of a pipe pads to 7', 'echo hello world | wc', { stdout: '      1       2      12\n', exitCode: 0 }],
  ['wc of files with a total', 'wc -l clusters.txt notes.txt', { stdout: ' 4 clusters.txt\n 3 notes.txt\n 7 total\n', exitCode: 0 }],
  ['wc -w -c of a file', 'wc -wc notes.txt', { stdout: ' 5 28 notes.txt\n', exitCode: 0 }],
  ['wc of a missing file', 'wc nope', { stderr: 'wc: nope: No such file or directory\n', exitCode: 1 }],

  ['sort', 'sort clusters.txt', { stdout: 'api\nbatch\nweb\nweb\n', exitCode: 0 }],
  ['sort -r -u', 'sort -ru clusters.txt', { stdout: 'web\nbatch\napi\n', exitCode: 0 }],
  ['sort -n -k 2 -t TAB', "sort -n -k 2 -t \"$(echo -e '\\t')\" ports.tsv", { stdout: 'worker\t8\t100\nweb\t80\t8080\napi\t443\t9000\n', exitCode: 0 }],
  ['sort -k 3nr', 'sort -k 3nr ports.tsv', { stdout: 'api\t443\t9000\nweb\t80\t8080\nworker\t8\t100\n', exitCode: 0 }],
  ['sort without -n compares text', 'echo -e "10\\n9\\n100" | sort', { stdout: '10\n100\n9\n', exitCode: 0 }],
  ['sort of a missing file', 'sort nope', { stderr: 'sort: cannot read: nope: No such file or directory\n', exitCode: 2 }],

  ['uniq collapses adjacent lines only', 'uniq clusters.txt', { stdout: 'web\napi\nweb\nbatch\n', exitCode: 0 }],
  ['uniq -d prints the repeated ones', 'sort clusters.txt | uniq -d', { stdout: 'web\n', exitCode: 0 }],

  ['cut -f (TAB by default)', 'cut -f 1,3 ports.tsv', { stdout: 'web\t8080\napi\t9000\nworker\t100\n', exitCode: 0 }],
  ['cut -d -f', "echo 'arn:aws:ecs:us-east-1:123:cluster/web' | cut -d / -f 2", { stdout: 'web\n', exitCode: 0 }],
  ['cut -d -f N- ', "echo 'a:b:c:d' | cut -d : -f 2-", { stdout: 'b:c:d\n', exitCode: 0 }],
  ['cut -c ranges', 'echo abcdef | cut -c 2-3,5', { stdout: 'bce\n', exitCode: 0 }],
  ['cut without a list', 'cut notes.txt', { stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", exitCode: 1 }],

  ['tr ranges', 'echo Hello | tr a-z A-Z', { stdout: 'HELLO\n', exitCode: 0 }],
  ['tr classes', "echo Hello | tr '[:upper:]' '[:lower:]'", { stdout: 'hello\n', exitCode: 0 }],
  ['tr -d deletes', "echo '\"quoted\"' | tr -d '\"'", { stdout: 'quoted\n', exitCode: 0 }],
  ['tr -s squeezes', "echo 'a    b' | tr -s ' '", { stdout: 'a b\n', exitCode: 0 }],
  ['tr turns tabs into newlines', "cut -f 2 ports.tsv | tr '\\n' ' '", { stdout: '80 443 8 ', exitCode: 0 }],
  ['tr without operands', 'tr', { stderr: "tr: missing operand\nTry 'tr --help' for more information.\n", exitCode: 1 }],
  ['tr with one set', 'echo a | tr a', { stderr: "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", exitCode: 1 }],
]

describe('pipes and text tools', () => {
  test.each(cases)('%s', (_name, line, expected) => {
    const result = createShell(files).run(line)
    expect(result).toEqual({ stdout: expected.stdout ?? '', stderr: expected.stderr ?? '', exitCode: expected.exitCode })
  })
})
