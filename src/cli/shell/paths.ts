/**
 * The learner's working folder is AWS CloudShell's home directory. Paths typed as `x.json`, `./x.json`,
 * `~/x.json` or `/home/cloudshell-user/x.json` all name the working-folder file `x.json`.
 * https://docs.aws.amazon.com/cloudshell/latest/userguide/working-with-cloudshell.html
 */
export const HOME_DIR = '/home/cloudshell-user'

/**
 * The working-folder-relative name of `path` (`''` for the folder itself), or `undefined` when the path
 * leaves the folder (`/etc/hosts`, `../x`). `~` and `~/` mean the home directory, as the shell and the
 * AWS CLI's `file://` both expand them.
 */
export function resolvePath(path: string): string | undefined {
  let absolute: string
  if (path === '~' || path.startsWith('~/')) absolute = HOME_DIR + path.slice(1)
  else if (path.startsWith('/')) absolute = path
  else absolute = `${HOME_DIR}/${path}`
  const segments: string[] = []
  for (const segment of absolute.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const home = HOME_DIR.split('/').filter(Boolean)
  if (segments.length < home.length || home.some((s, i) => segments[i] !== s)) return undefined
  return segments.slice(home.length).join('/')
}

/** True when `name` (working-folder-relative) is a folder: some file lives below it. */
export function isDirectory(name: string, files: readonly string[]): boolean {
  return name === '' || files.some((f) => f.startsWith(`${name}/`))
}
