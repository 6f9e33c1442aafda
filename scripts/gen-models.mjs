#!/usr/bin/env node
// Generates src/models/generated/ from AWS's own API models as botocore ships them, the data AWS CLI reads:
//
//   <botocore>/botocore/data/<service>/<api version>/service-2.json        operations, shapes, documentation
//   <botocore>/botocore/data/<service>/<api version>/paginators-1.json      paginators (+ paginators-1.sdk-extras.json)
//   <botocore>/botocore/data/<service>/<api version>/waiters-2.json        waiters, when the service has them
//   <botocore>/botocore/data/<service>/<api version>/examples-1.json       examples (docs file only)
//
// from a checkout of https://github.com/boto/botocore (its root or its botocore/data folder), named on the command
// line. The newest API version folder is read, as botocore's loader does. The generated files are committed and
// name the botocore version and commit they were made from, so neither the build nor the tests need botocore.
//
// What is kept (the "trimmed" model the CLI and the simulation read, src/models/types.ts): every operation; the
// shapes reachable from operation inputs and outputs (error shapes are not: the simulation names its errors
// itself); member order (the order the CLI prints); required members; enums; the traits the CLI acts on
// (deprecated, idempotencyToken, document, union, eventstream, timestampFormat, jsonvalue). Wire-format details
// (locationName, queryName, flattened, xmlNamespace, resultWrapper, http, location) and validation limits
// (min, max, pattern) are dropped: the sandbox has no wire, and the CLI sends what the model names. Any other key
// is reported, so a new trait is noticed. Documentation goes to a separate docs file, first sentences only.
//
// scripts/model-overrides.json corrects what botocore itself still lacks (each entry names its source); the
// generator fails loudly when an entry no longer fits (unknown shape or member, a no-op, a shape botocore has).
//
// Usage: node scripts/gen-models.mjs <botocore checkout or data folder> [--commit <sha>] [--out <dir>]
//                                     [--overrides <file>] [--only <cli,…>] [--quiet]
//   --commit   the botocore commit, when the folder is not a git work tree (e.g. made with `git archive`)
//   --only     generate these services alone (for tests of the generator on small data)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { applyOverrides, readOverrides } from './model-overrides.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const overridesFile = join(root, 'scripts', 'model-overrides.json')

/**
 * The CLI services we generate. `cli` is the AWS CLI's service word, which is also botocore's data folder name.
 * `iamPrefix` is the IAM action prefix (`ecs:CreateService`), which the models do not carry (CloudWatch's
 * endpoint prefix is `monitoring`, ECR's `api.ecr`, EFS's `elasticfilesystem`); source: Service Authorization
 * Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * Kept in the CLI's alphabetical order.
 */
export const SERVICES = [
  { cli: 'application-autoscaling', iamPrefix: 'application-autoscaling' },
  { cli: 'autoscaling', iamPrefix: 'autoscaling' },
  { cli: 'cloudwatch', iamPrefix: 'cloudwatch' },
  { cli: 'ec2', iamPrefix: 'ec2' },
  { cli: 'ecr', iamPrefix: 'ecr' },
  { cli: 'ecs', iamPrefix: 'ecs' },
  { cli: 'efs', iamPrefix: 'elasticfilesystem' },
  { cli: 'elbv2', iamPrefix: 'elasticloadbalancing' },
  { cli: 'iam', iamPrefix: 'iam' },
  { cli: 'logs', iamPrefix: 'logs' },
  { cli: 'ssm', iamPrefix: 'ssm' },
  { cli: 'sts', iamPrefix: 'sts' },
]

/**
 * botocore picks the first protocol of this list that a model's `metadata.protocols` names
 * (botocore/utils.py PRIORITY_ORDERED_SUPPORTED_PROTOCOLS); CloudWatch, for one, lists
 * ["smithy-rpc-v2-cbor", "json", "query"] and is spoken to in JSON.
 */
const PROTOCOL_PRIORITY = ['json', 'rest-json', 'rest-xml', 'smithy-rpc-v2-cbor', 'query', 'ec2']

// Keys knowingly dropped (see the header); anything neither dropped nor handled is reported.
const DROPPED_KEYS = new Set([
  'documentation', 'locationName', 'queryName', 'flattened', 'xmlNamespace', 'xmlOrder', 'xmlAttribute', 'resultWrapper',
  'wrapper', 'payload', 'location', 'sensitive', 'deprecatedMessage', 'deprecatedSince', 'box', 'min', 'max', 'pattern',
  'streaming', 'requiresLength', 'hostLabel', 'contextParam', 'error', 'fault', 'synthetic', 'event', 'retryable',
  'awsQueryError', 'documentationUrl',
])
const OPERATION_DROPPED_KEYS = new Set([
  'name', 'http', 'errors', 'documentation', 'documentationUrl', 'idempotent', 'readonly', 'requestcompression',
  'deprecatedMessage', 'endpoint', 'auth', 'authtype', 'httpChecksum', 'staticContextParams', 'endpointdiscovery',
  'endpointoperation', 'unsignedPayload', 'alias',
])
const HANDLED_SHAPE_KEYS = new Set(['type', 'members', 'member', 'key', 'value', 'required', 'enum', 'deprecated',
  'exception', 'document', 'union', 'eventstream', 'timestampFormat', 'jsonvalue'])
const HANDLED_REF_KEYS = new Set(['shape', 'deprecated', 'idempotencyToken'])

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'boolean', 'timestamp', 'double', 'float', 'blob'])

// ---------------------------------------------------------------------------------------------------------
// documentation

/** Collapses whitespace, drops HTML tags and decodes the entities botocore's documentation uses. */
function cleanDoc(text) {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The first sentence: up to the first `.`, `!` or `?` followed by whitespace (or the end), skipping common
 * abbreviations. Good enough for help text; the whole doc is not kept.
 */
function firstSentence(text) {
  const t = cleanDoc(text)
  const re = /[.!?](?=\s|$)/g
  let m
  while ((m = re.exec(t))) {
    const head = t.slice(0, m.index + 1)
    if (/(?:\be\.g|\bi\.e|\betc|\bvs|\bapprox|\bNo|\bU\.S|\bInc)\.$/.test(head)) continue
    return head
  }
  return t
}

// ---------------------------------------------------------------------------------------------------------
// reading botocore

/** `<dir>` may be a botocore checkout's root, its `botocore` package folder or its `data` folder. */
function findDataDir(dir) {
  for (const candidate of [join(dir, 'botocore', 'data'), join(dir, 'data'), dir]) {
    if (existsSync(join(candidate, 'ecs'))) return candidate
  }
  throw new Error(`${dir}: not a botocore checkout (no botocore/data/ecs, data/ecs or ecs folder)`)
}

/** botocore's version (botocore/__init__.py) and the commit, from git when the folder is a work tree. */
function describeCheckout(dir, dataDir, commitArg) {
  const init = join(dataDir, '..', '__init__.py')
  const version = existsSync(init) ? /__version__ = '([^']+)'/.exec(readFileSync(init, 'utf8'))?.[1] : undefined
  let commit = commitArg
  if (!commit) {
    try {
      commit = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      commit = undefined
    }
  }
  if (!version && !commit) throw new Error(`${dir}: cannot tell which botocore this is (no botocore/__init__.py, not a git work tree); pass --commit <sha>`)
  if (commit && !/^[0-9a-f]{7,40}$/.test(commit)) throw new Error(`--commit ${commit}: not a git commit id`)
  return `botocore${version ? ` ${version}` : ''}${commit ? ` (commit ${commit})` : ''}`
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** The newest API version folder of a service, as botocore's loader picks it. */
function latestVersion(dataDir, cli) {
  const dir = join(dataDir, cli)
  if (!existsSync(dir)) throw new Error(`${dir}: no such service folder`)
  const versions = readdirSync(dir).filter((v) => existsSync(join(dir, v, 'service-2.json'))).sort()
  if (!versions.length) throw new Error(`${dir}: no <version>/service-2.json`)
  return versions.at(-1)
}

/** botocore's loader merges `<type>.sdk-extras.json`'s `merge` object into the model, key by key (deep). */
function deepMerge(target, extra) {
  for (const [k, v] of Object.entries(extra)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') deepMerge(target[k], v)
    else target[k] = v
  }
  return target
}

// ---------------------------------------------------------------------------------------------------------
// model conversion

function convertService(svc, dataDir, source, overrides) {
  const version = latestVersion(dataDir, svc.cli)
  const dir = join(dataDir, svc.cli, version)
  const has = (file) => existsSync(join(dir, file))
  const api = readJson(join(dir, 'service-2.json'))
  const paginatorsJson = has('paginators-1.json') ? readJson(join(dir, 'paginators-1.json')) : { pagination: {} }
  if (has('paginators-1.sdk-extras.json')) deepMerge(paginatorsJson, readJson(join(dir, 'paginators-1.sdk-extras.json')).merge ?? {})
  const waitersJson = has('waiters-2.json') ? readJson(join(dir, 'waiters-2.json')) : { waiters: {} }
  const examplesJson = has('examples-1.json') ? readJson(join(dir, 'examples-1.json')) : { examples: {} }

  const problems = []
  const unknownKeys = new Set()
  const note = (obj, known, where) => {
    for (const k of Object.keys(obj)) if (!known.has(k) && !DROPPED_KEYS.has(k)) unknownKeys.add(`${k} (${where})`)
  }
  const shapes = new Map() // name -> converted shape
  const memberDocs = new Map() // shape name -> { member: first sentence }

  const ref = (r, where) => {
    if (!r || typeof r.shape !== 'string') throw new Error(`${svc.cli} ${where}: not a shape reference`)
    note(r, HANDLED_REF_KEYS, where)
    const out = { shape: r.shape }
    if (r.deprecated) out.deprecated = true
    if (r.idempotencyToken) out.idempotencyToken = true
    visit(r.shape)
    return out
  }

  /** Converts botocore shape `name` (and, through it, every shape it refers to). */
  function visit(name) {
    if (shapes.has(name)) return
    const s = api.shapes[name]
    if (!s) throw new Error(`${svc.cli}: unknown shape ${name}`)
    note(s, HANDLED_SHAPE_KEYS, name)
    let shape
    if (s.type === 'structure') {
      shape = { type: 'structure', members: {} }
      shapes.set(name, shape) // before the members, so recursive shapes terminate
      const docs = {}
      for (const [member, r] of Object.entries(s.members ?? {})) {
        shape.members[member] = ref(r, `${name}.${member}`)
        if (r.documentation) {
          const sentence = firstSentence(r.documentation)
          if (sentence) docs[member] = sentence
        }
      }
      for (const r of s.required ?? []) if (!(r in shape.members)) problems.push(`${name}: required member ${r} is not a member`)
      if (s.required?.length) shape.required = [...s.required]
      if (s.exception) shape.exception = true
      if (s.document) shape.document = true
      if (s.union) shape.union = true
      if (s.eventstream) shape.eventstream = true
      if (Object.keys(docs).length) memberDocs.set(name, docs)
      return
    }
    if (s.type === 'list') {
      shape = { type: 'list', member: undefined }
      shapes.set(name, shape)
      shape.member = ref(s.member, `${name}[]`)
      return
    }
    if (s.type === 'map') {
      shape = { type: 'map', key: undefined, value: undefined }
      shapes.set(name, shape)
      shape.key = ref(s.key, `${name}<key>`)
      shape.value = ref(s.value, `${name}<value>`)
      return
    }
    if (!SCALAR_TYPES.has(s.type)) throw new Error(`${svc.cli} ${name}: unknown shape type ${s.type}`)
    shape = { type: s.type }
    if (s.enum?.length) shape.enum = [...s.enum]
    if (s.timestampFormat) shape.timestampFormat = s.timestampFormat
    if (s.jsonvalue) shape.jsonvalue = true
    shapes.set(name, shape)
  }

  const operations = {}
  const opDocs = {}
  for (const [opName, op] of Object.entries(api.operations)) {
    for (const k of Object.keys(op)) if (!['input', 'output', 'deprecated'].includes(k) && !OPERATION_DROPPED_KEYS.has(k)) unknownKeys.add(`${k} (${opName})`)
    const out = {}
    // Operation-level refs carry only wire traits (resultWrapper) besides the shape.
    if (op.input) { out.input = op.input.shape; visit(op.input.shape) }
    if (op.output) { out.output = op.output.shape; visit(op.output.shape) }
    if (op.deprecated) out.deprecated = true
    operations[opName] = out
    if (op.documentation) opDocs[opName] = firstSentence(op.documentation)
  }

  const paginators = {}
  for (const [opName, p] of Object.entries(paginatorsJson.pagination ?? {})) {
    if (!operations[opName]) { problems.push(`paginator for unknown operation ${opName}`); continue }
    if (p.input_token === undefined || p.output_token === undefined) { problems.push(`paginator ${opName} has no input_token/output_token`); continue }
    const q = { input_token: p.input_token, output_token: p.output_token }
    if (p.limit_key !== undefined) q.limit_key = p.limit_key
    if (p.more_results !== undefined) q.more_results = p.more_results
    if (p.result_key !== undefined) q.result_key = p.result_key
    if (p.non_aggregate_keys !== undefined) q.non_aggregate_keys = p.non_aggregate_keys
    paginators[opName] = q
  }

  const waiters = {}
  for (const [name, w] of Object.entries(waitersJson.waiters ?? {})) {
    if (!operations[w.operation]) { problems.push(`waiter ${name} for unknown operation ${w.operation}`); continue }
    waiters[name] = {
      operation: w.operation,
      delay: w.delay,
      maxAttempts: w.maxAttempts,
      acceptors: w.acceptors.map((a) => {
        const out = { state: a.state, matcher: a.matcher }
        if (a.argument !== undefined) out.argument = a.argument
        out.expected = a.expected
        return out
      }),
    }
  }

  const examples = {}
  for (const [opName, list] of Object.entries(examplesJson.examples ?? {})) {
    if (!operations[opName] || !Array.isArray(list) || list.length === 0) continue
    examples[opName] = list.map((e) => {
      const out = {}
      if (e.title) out.title = e.title
      if (e.description) out.description = cleanDoc(e.description)
      if (e.input !== undefined) out.input = e.input
      if (e.output !== undefined) out.output = e.output
      return out
    })
  }

  const applied = applyOverrides(svc.cli, shapes, overrides.get(svc.cli))

  const md = api.metadata
  const protocols = md.protocols ?? [md.protocol]
  const protocol = PROTOCOL_PRIORITY.find((p) => protocols.includes(p))
  if (!protocol) throw new Error(`${svc.cli}: no protocol botocore speaks among ${protocols.join(', ')}`)
  const files = ['service-2.json', 'paginators-1.json']
  if (has('paginators-1.sdk-extras.json')) files.push('paginators-1.sdk-extras.json')
  if (has('waiters-2.json')) files.push('waiters-2.json')
  const folder = `data/${svc.cli}/${version}/`
  const sortedShapes = Object.fromEntries([...shapes.keys()].sort().map((k) => [k, shapes.get(k)]))
  const model = {
    source: `${source}: ${folder}{${files.join(',')}}${applied.length ? '; corrected by scripts/model-overrides.json' : ''}`,
    cliName: svc.cli,
    apiVersion: md.apiVersion,
    protocol,
    serviceFullName: md.serviceFullName,
    serviceId: md.serviceId,
    endpointPrefix: md.endpointPrefix,
    signingName: md.signingName ?? md.endpointPrefix,
    iamPrefix: svc.iamPrefix,
    ...(md.globalEndpoint ? { globalEndpoint: md.globalEndpoint } : {}),
    ...(md.targetPrefix ? { targetPrefix: md.targetPrefix } : {}),
    operations,
    shapes: sortedShapes,
    paginators,
    waiters,
  }
  const docsFiles = ['service-2.json']
  if (has('examples-1.json')) docsFiles.push('examples-1.json')
  const sortedDocs = Object.fromEntries([...memberDocs.keys()].sort().map((k) => [k, memberDocs.get(k)]))
  const docs = {
    source: `${source}: ${folder}{${docsFiles.join(',')}}`,
    cliName: svc.cli,
    ...(api.documentation ? { doc: firstSentence(api.documentation) } : {}),
    operations: opDocs,
    shapes: sortedDocs,
    examples,
  }
  return { model, docs, problems, unknownKeys, applied }
}

// ---------------------------------------------------------------------------------------------------------
// output

function layout(value, depth, indent = '') {
  if (depth <= 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value)
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const inner = indent + ' '
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, depth - 1, inner)}`).join(',\n')}\n${indent}}`
}


function main() {
  const args = process.argv.slice(2)
  const option = (name) => {
    const i = args.indexOf(name)
    if (i < 0) return undefined
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`)
    args.splice(i, 2)
    return value
  }
  const quiet = args.includes('--quiet')
  if (quiet) args.splice(args.indexOf('--quiet'), 1)
  const outDir = resolve(option('--out') ?? join(root, 'src', 'models', 'generated'))
  const overrides = readOverrides(resolve(option('--overrides') ?? overridesFile), SERVICES.map((s) => s.cli))
  const commitArg = option('--commit')
  const only = option('--only')?.split(',')
  if (args.length !== 1 || args[0].startsWith('--')) {
    console.error('Usage: node scripts/gen-models.mjs <botocore checkout or data folder> [--commit <sha>] [--out <dir>] [--overrides <file>] [--only <cli,…>] [--quiet]')
    process.exit(2)
  }
  const checkout = resolve(args[0])
  const dataDir = findDataDir(checkout)
  const source = describeCheckout(checkout, dataDir, commitArg)
  const services = only ? SERVICES.filter((s) => only.includes(s.cli)) : SERVICES
  if (only && services.length !== only.length) throw new Error(`--only ${only.join(',')}: unknown service`)
  mkdirSync(outDir, { recursive: true })

  const rows = []
  const listing = []
  let failed = false
  for (const svc of services) {
    const { model, docs, problems, unknownKeys, applied } = convertService(svc, dataDir, source, overrides)
    if (problems.length) {
      failed = true
      console.error(`${svc.cli}: ${problems.length} problem(s) in the model:\n${problems.join('\n')}`)
    }
    if (unknownKeys.size) {
      failed = true
      console.error(`${svc.cli}: model keys the generator neither keeps nor knowingly drops: ${[...unknownKeys].join(', ')}`)
    }
    if (!quiet && applied.length) console.log(`${svc.cli}: model overrides applied:\n  ${applied.join('\n  ')}`)
    const runtimeText = layout(model, 2) + '\n'
    const docsText = layout(docs, 2) + '\n'
    writeFileSync(join(outDir, `${svc.cli}.json`), runtimeText)
    writeFileSync(join(outDir, `${svc.cli}.docs.json`), docsText)
    const size = (t) => ({ bytes: Buffer.byteLength(t), gzip: gzipSync(t, { level: 9 }).length })
    rows.push({ file: `${svc.cli}.json`, ...size(runtimeText) }, { file: `${svc.cli}.docs.json`, ...size(docsText) })
    listing.push({
      cliName: svc.cli,
      apiVersion: model.apiVersion,
      protocol: model.protocol,
      operations: Object.keys(model.operations).length,
      shapes: Object.keys(model.shapes).length,
      waiters: Object.keys(model.waiters).length,
      paginators: Object.keys(model.paginators).length,
    })
  }

  const services_ts = `// Generated by scripts/gen-models.mjs from ${source}. Do not edit.
/** The generated CLI services, in the AWS CLI's (alphabetical) order, with counts for help and coverage tables. */
export const GENERATED_SERVICES = [
${listing.map((s) => `  ${JSON.stringify(s).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/"/g, "'")},`).join('\n')}
] as const

/** The botocore release and commit the models were generated from. */
export const MODELS_SOURCE = '${source}'
`
  writeFileSync(join(outDir, 'services.ts'), services_ts)

  if (!quiet) {
    const fmt = (n) => n.toLocaleString('en-US')
    const w = Math.max(...rows.map((r) => r.file.length), 'total runtime'.length)
    console.log(`\n${'file'.padEnd(w)}  ${'bytes'.padStart(10)}  ${'gzip'.padStart(8)}`)
    for (const r of rows) console.log(`${r.file.padEnd(w)}  ${fmt(r.bytes).padStart(10)}  ${fmt(r.gzip).padStart(8)}`)
    for (const [label, pick] of [['total runtime', (r) => !r.file.endsWith('.docs.json')], ['total docs', (r) => r.file.endsWith('.docs.json')]]) {
      const sel = rows.filter(pick)
      const sum = (k) => sel.reduce((a, r) => a + r[k], 0)
      console.log(`${label.padEnd(w)}  ${fmt(sum('bytes')).padStart(10)}  ${fmt(sum('gzip')).padStart(8)}`)
    }
  }
  if (failed) process.exit(1)
}

try {
  main()
} catch (e) {
  console.error(`Error: ${e.message}`)
  process.exit(1)
}
