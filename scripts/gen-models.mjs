#!/usr/bin/env node
// Generates src/models/generated/ from AWS's own API models, as shipped in the npm package aws-sdk (v2):
//
//   node_modules/aws-sdk/apis/<uid>.min.json        structure: operations, shapes, members in model order, required
//   node_modules/aws-sdk/apis/<uid>.paginators.json  paginators
//   node_modules/aws-sdk/apis/<uid>.waiters2.json    waiters (when the package has them)
//   node_modules/aws-sdk/apis/<uid>.examples.json    examples (docs file only)
//   node_modules/aws-sdk/clients/<client>.d.ts       shape names, enum values and documentation
//
// Why two sources: the v2 min.json is minified for the SDK runtime. It inlines or renames shapes (`S19`), drops
// enums, documentation and error shapes. The d.ts next to it was generated from the full model, so it still
// carries every shape's real name (interface/type names), enum values (`"EC2"|"FARGATE"|string`) and the
// documentation (JSDoc). The generator walks both in step and checks they agree (member names and order,
// required-ness) and fails loudly when they do not.
//
// Writes per CLI service:
//   <cli>.json       the runtime model (src/models/types.ts `ServiceModel`), shipped in the app bundle
//   <cli>.docs.json  first sentences of operation/member docs and the examples (`ServiceDocs`), loaded lazily
// plus services.ts (the service list) and prints a size table.
//
// aws-sdk v2 is in maintenance: its models lag AWS's (older, partly alphabetical member order; newer members
// missing), while the CLI prints keys in the current model's member order. scripts/model-overrides.json is a
// small hand-kept correction for the shapes the course prints, each entry naming its source (fidelity reference
// and/or the botocore service-2.json it was read from). It is applied after aws-sdk is read (applyOverrides) and
// fails loudly when an entry no longer fits (unknown shape or member, a no-op, a shape aws-sdk now defines).
// botocore itself is not a build input.
//
// Usage: node scripts/gen-models.mjs [--out <dir>] [--overrides <file>] [--quiet]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sdkDir = join(root, 'node_modules', 'aws-sdk')
const overridesFile = join(root, 'scripts', 'model-overrides.json')

/**
 * The CLI services we generate. `cli` is the AWS CLI's service word, `uid` the model file, `client` the
 * aws-sdk v2 client d.ts. `iamPrefix` is the IAM action prefix (`ecs:CreateService`), which the models do not
 * carry (CloudWatch's endpoint prefix is `monitoring`, ECR's `api.ecr`); source: Service Authorization Reference,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * Kept in the CLI's alphabetical order.
 */
const SERVICES = [
  { cli: 'application-autoscaling', uid: 'application-autoscaling-2016-02-06', client: 'applicationautoscaling', iamPrefix: 'application-autoscaling' },
  { cli: 'autoscaling', uid: 'autoscaling-2011-01-01', client: 'autoscaling', iamPrefix: 'autoscaling' },
  { cli: 'cloudwatch', uid: 'monitoring-2010-08-01', client: 'cloudwatch', iamPrefix: 'cloudwatch' },
  { cli: 'ec2', uid: 'ec2-2016-11-15', client: 'ec2', iamPrefix: 'ec2' },
  { cli: 'ecr', uid: 'ecr-2015-09-21', client: 'ecr', iamPrefix: 'ecr' },
  { cli: 'ecs', uid: 'ecs-2014-11-13', client: 'ecs', iamPrefix: 'ecs' },
  { cli: 'elbv2', uid: 'elasticloadbalancingv2-2015-12-01', client: 'elbv2', iamPrefix: 'elasticloadbalancing' },
  { cli: 'iam', uid: 'iam-2010-05-08', client: 'iam', iamPrefix: 'iam' },
  { cli: 'logs', uid: 'logs-2014-03-28', client: 'cloudwatchlogs', iamPrefix: 'logs' },
  { cli: 'sts', uid: 'sts-2011-06-15', client: 'sts', iamPrefix: 'sts' },
]

// min.json keys we knowingly drop: wire-format details (XML/query names, wrappers) and traits the CLI and the
// simulation do not use. Anything not listed here and not handled below is reported, so a new trait is noticed.
const DROPPED_KEYS = new Set([
  'locationName', 'queryName', 'flattened', 'xmlNamespace', 'xmlOrder', 'xmlAttribute', 'resultWrapper', 'wrapper',
  'payload', 'location', 'sensitive', 'deprecatedMessage', 'http', 'endpoint', 'requestcompression', 'event', 'box', 'min', 'max', 'pattern', 'streaming', 'hostLabel', 'authtype', 'auth', 'httpChecksum',
  'staticContextParams', 'contextParam', 'endpointdiscovery', 'endpointoperation', 'requiresLength',
])
const HANDLED_KEYS = new Set(['type', 'members', 'member', 'key', 'value', 'required', 'shape', 'enum', 'deprecated',
  'idempotencyToken', 'exception', 'document', 'union', 'eventstream', 'timestampFormat', 'jsonvalue'])

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'boolean', 'timestamp', 'double', 'float', 'blob'])
/** Name for a scalar the d.ts wrote as a bare TS primitive (botocore's usual name for such a shape). */
const SYNTHETIC_SCALAR = { string: 'String', integer: 'Integer', long: 'Long', boolean: 'Boolean', timestamp: 'Timestamp', double: 'Double', float: 'Float', blob: 'Blob' }

// ---------------------------------------------------------------------------------------------------------
// d.ts parsing

/** Collapses whitespace, drops HTML-ish tags and decodes the few entities the d.ts files contain. */
function cleanDoc(text) {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
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

/**
 * Reads a v2 client d.ts: the class methods (one per operation, first overload carries params and result
 * types) and the namespace's interfaces and type aliases, each with its JSDoc.
 */
function parseDts(text) {
  const lines = text.split('\n')
  const methods = new Map() // lowerCamel method -> { doc, input, output }
  const types = new Map() // name -> { kind: 'interface', members: [{ name, type, optional, doc }] } | { kind: 'alias', rhs }
  let doc = null
  let pending = null // collecting a multi-line comment
  let iface = null
  for (const line of lines) {
    if (pending !== null) {
      const end = line.indexOf('*/')
      pending.push(end >= 0 ? line.slice(0, end) : line)
      if (end >= 0) {
        doc = pending.map((l) => l.replace(/^\s*\*\s?/, '')).join(' ')
        pending = null
      }
      continue
    }
    const start = line.match(/^\s*\/\*\*(.*)$/)
    if (start) {
      const rest = start[1]
      const end = rest.indexOf('*/')
      if (end >= 0) doc = rest.slice(0, end)
      else pending = [rest]
      continue
    }
    if (iface) {
      if (/^ {2}\}/.test(line)) {
        iface = null
      } else {
        const m = line.match(/^ {4}(\w+)(\?)?: (.+);$/)
        if (!m) throw new Error(`Unparsed interface member line: ${line}`)
        iface.members.push({ name: m[1], type: m[3], optional: m[2] === '?', doc: doc ?? undefined })
      }
      doc = null
      continue
    }
    // `op(params: X.Types.In, callback?: (err, data: X.Types.Out) => void)`, or `op(callback?: …)` alone when the
    // operation takes no input.
    let m = line.match(/^ {2}(\w+)\((?:params: \w+\.Types\.(\w+), )?callback\?: \(err: AWSError, data: (?:\w+\.Types\.(\w+)|\{\})\) => void\)/)
    if (m) {
      if (!methods.has(m[1])) methods.set(m[1], { doc: doc ?? undefined, input: m[2], output: m[3] })
      doc = null
      continue
    }
    m = line.match(/^ {2}export interface (\w+) \{(\})?$/)
    if (m) {
      const t = { kind: 'interface', members: [], doc: doc ?? undefined }
      types.set(m[1], t)
      if (!m[2]) iface = t
      doc = null
      continue
    }
    m = line.match(/^ {2}export type (\w+) = (.+);$/)
    if (m) {
      types.set(m[1], { kind: 'alias', rhs: m[2], doc: doc ?? undefined })
      doc = null
      continue
    }
    if (line.trim() !== '') doc = null
  }
  return { methods, types }
}

/** The d.ts renames shapes that clash with TS globals (`Blob` → `_Blob`, `Date` → `_Date`); undo that. */
const modelName = (dtsName) => (dtsName.startsWith('_') ? dtsName.slice(1) : dtsName)

// ---------------------------------------------------------------------------------------------------------
// model conversion

function convertService(svc, version, overrides) {
  const apis = join(sdkDir, 'apis')
  const readJson = (file) => JSON.parse(readFileSync(join(apis, file), 'utf8'))
  const api = readJson(`${svc.uid}.min.json`)
  const dts = parseDts(readFileSync(join(sdkDir, 'clients', `${svc.client}.d.ts`), 'utf8'))
  const has = (suffix) => existsSync(join(apis, `${svc.uid}.${suffix}`))
  const paginatorsJson = has('paginators.json') ? readJson(`${svc.uid}.paginators.json`) : { pagination: {} }
  const waitersJson = has('waiters2.json') ? readJson(`${svc.uid}.waiters2.json`) : { waiters: {} }
  const examplesJson = has('examples.json') ? readJson(`${svc.uid}.examples.json`) : { examples: {} }

  const problems = []
  const notes = { unknownKeys: new Set(), syntheticScalars: new Set(), mapKeys: 0, droppedPaginators: [] }
  const shapes = new Map() // name -> converted shape
  const memberDocs = new Map() // shape name -> { member: first sentence }
  const visitedRefs = new Set()

  const note = (obj, where) => {
    for (const k of Object.keys(obj)) if (!HANDLED_KEYS.has(k) && !DROPPED_KEYS.has(k)) notes.unknownKeys.add(`${k} (${where})`)
  }
  /** A min.json member: a reference to a shared shape (plus member traits) or an inline shape. */
  const resolveRef = (ref) => {
    if (ref.shape === undefined) return ref
    const base = api.shapes[ref.shape]
    if (!base) throw new Error(`${svc.uid}: unknown shape ${ref.shape}`)
    const merged = { ...base, ...ref }
    delete merged.shape
    return merged
  }
  const aliasOf = (name) => dts.types.get(name)
  /** Follows `type A = B;` aliases to what B is. */
  const followAlias = (name) => {
    let t = aliasOf(name)
    const seen = new Set()
    while (t && t.kind === 'alias' && /^\w+$/.test(t.rhs) && aliasOf(t.rhs) && !seen.has(t.rhs)) {
      seen.add(t.rhs)
      t = aliasOf(t.rhs)
    }
    return t
  }

  /** Converts the min.json shape `ref`, named `dtsType` by the d.ts; returns the model shape name. */
  function visit(ref, dtsType, where) {
    note(ref, where)
    const s = resolveRef(ref)
    note(s, where)
    const type = s.type ?? 'string'
    const primitive = ['string', 'number', 'boolean', 'Date', 'any'].includes(dtsType) || dtsType === undefined
    let name
    if (primitive) {
      if (!SCALAR_TYPES.has(type)) throw new Error(`${where}: ${type} shape has no d.ts name`)
      name = SYNTHETIC_SCALAR[type]
      notes.syntheticScalars.add(name)
    } else {
      if (!/^\w+$/.test(dtsType)) throw new Error(`${where}: unexpected d.ts type ${dtsType}`)
      name = modelName(dtsType)
    }
    const refKey = ref.shape !== undefined ? `${name}|${ref.shape}` : undefined
    if (refKey && visitedRefs.has(refKey)) return name
    if (refKey) visitedRefs.add(refKey)

    let shape
    if (type === 'structure') {
      let t = aliasOf(dtsType)
      // Event streams are written `type X = EventStream<{a?:A,b?:B}>` in the d.ts.
      const stream = t?.kind === 'alias' ? t.rhs.match(/^EventStream<\{(.*)\}>$/) : null
      if (stream) {
        t = { kind: 'interface', members: stream[1].split(',').map((p) => {
          const [n, ty] = p.split(':')
          return { name: n.replace(/\?$/, ''), type: ty, optional: n.endsWith('?') }
        }) }
      }
      if (!t || t.kind !== 'interface') throw new Error(`${where}: no d.ts interface ${dtsType}`)
      const minMembers = Object.keys(s.members ?? {})
      const dtsMembers = t.members.map((m) => m.name)
      if (minMembers.join(',') !== dtsMembers.join(',')) {
        problems.push(`${name}: members differ\n  min.json ${minMembers.join(',')}\n  d.ts     ${dtsMembers.join(',')}`)
      }
      const required = s.required ?? []
      for (const m of t.members) {
        if (minMembers.includes(m.name) && m.optional === required.includes(m.name)) problems.push(`${name}.${m.name}: required differs between min.json and d.ts`)
      }
      shape = { type: 'structure', members: {} }
      // Placeholder first so recursive shapes terminate.
      if (!shapes.has(name)) shapes.set(name, shape)
      const docs = {}
      for (const memberName of minMembers) {
        const mref = s.members[memberName]
        const dm = t.members.find((m) => m.name === memberName)
        const member = { shape: visit(mref, dm?.type, `${name}.${memberName}`) }
        if (mref.deprecated) member.deprecated = true
        if (mref.idempotencyToken) member.idempotencyToken = true
        shape.members[memberName] = member
        if (dm?.doc) {
          const sentence = firstSentence(dm.doc)
          if (sentence) docs[memberName] = sentence
        }
      }
      if (required.length) shape.required = [...required]
      if (s.exception) shape.exception = true
      if (s.document) shape.document = true
      if (s.union) shape.union = true
      if (s.eventstream) shape.eventstream = true
      if (Object.keys(docs).length) memberDocs.set(name, docs)
    } else if (type === 'list') {
      const t = followAlias(dtsType)
      const m = t?.kind === 'alias' ? t.rhs.match(/^(\w+)\[\]$/) : null
      if (!m) throw new Error(`${where}: d.ts ${dtsType} is not a list type`)
      shape = { type: 'list', member: { shape: visit(s.member ?? {}, m[1], `${name}[]`) } }
    } else if (type === 'map') {
      const t = followAlias(dtsType)
      const m = t?.kind === 'alias' ? t.rhs.match(/^\{\[key: string\]: (\w+)\}$/) : null
      if (!m) throw new Error(`${where}: d.ts ${dtsType} is not a map type`)
      // The d.ts types every map key as `string`, so the key shape's own name (and enum) is not recoverable.
      notes.mapKeys++
      shape = { type: 'map', key: { shape: visit(s.key ?? {}, undefined, `${name}<key>`) }, value: { shape: visit(s.value ?? {}, m[1], `${name}<value>`) } }
    } else if (SCALAR_TYPES.has(type)) {
      shape = { type }
      const t = primitive ? undefined : followAlias(dtsType)
      if (t?.kind === 'alias' && /^"/.test(t.rhs)) {
        const values = [...t.rhs.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => JSON.parse(`"${x[1]}"`))
        if (values.length) shape.enum = values
      }
      if (s.timestampFormat) shape.timestampFormat = s.timestampFormat
      if (s.jsonvalue) shape.jsonvalue = true
    } else {
      throw new Error(`${where}: unknown shape type ${type}`)
    }

    const existing = shapes.get(name)
    if (existing && existing !== shape && JSON.stringify(existing) !== JSON.stringify(shape)) {
      problems.push(`${name}: two different shapes carry this name\n  ${JSON.stringify(existing)}\n  ${JSON.stringify(shape)}`)
    } else if (!existing) {
      shapes.set(name, shape)
    }
    return name
  }

  const operations = {}
  const opDocs = {}
  for (const [opName, op] of Object.entries(api.operations)) {
    for (const k of Object.keys(op)) if (!['input', 'output', 'deprecated'].includes(k) && !DROPPED_KEYS.has(k)) notes.unknownKeys.add(`${k} (${opName})`)
    const method = dts.methods.get(opName[0].toLowerCase() + opName.slice(1))
    if (!method) throw new Error(`${svc.uid}: no d.ts method for ${opName}`)
    const out = {}
    if (op.input) out.input = visit(op.input, method.input, `${opName} input`)
    if (op.output) {
      if (!method.output) problems.push(`${opName}: min.json has an output, the d.ts has none`)
      out.output = visit(op.output, method.output, `${opName} output`)
    }
    if (op.deprecated) out.deprecated = true
    operations[opName] = out
    if (method.doc) opDocs[opName] = firstSentence(method.doc)
  }

  const paginators = {}
  for (const [opName, p] of Object.entries(paginatorsJson.pagination ?? {})) {
    if (!operations[opName]) { problems.push(`paginator for unknown operation ${opName}`); continue }
    // Entries with only a result_key (e.g. EC2 DescribeAvailabilityZones) describe an unpaginated result; botocore's
    // paginators have no such entries, and the CLI does not paginate those operations.
    if (p.input_token === undefined || p.output_token === undefined) { notes.droppedPaginators.push(opName); continue }
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

  const applied = applyOverrides(svc.cli, shapes, overrides)

  const files = [`apis/${svc.uid}.min.json`, `apis/${svc.uid}.paginators.json`]
  if (has('waiters2.json')) files.push(`apis/${svc.uid}.waiters2.json`)
  files.push(`clients/${svc.client}.d.ts`)
  const md = api.metadata
  const sortedShapes = Object.fromEntries([...shapes.keys()].sort().map((k) => [k, shapes.get(k)]))
  const model = {
    source: `npm aws-sdk@${version}: ${files.join(', ')}${applied.length ? '; corrected by scripts/model-overrides.json' : ''}`,
    cliName: svc.cli,
    apiVersion: md.apiVersion,
    protocol: md.protocol,
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
  const docsFiles = [`clients/${svc.client}.d.ts`]
  if (has('examples.json')) docsFiles.push(`apis/${svc.uid}.examples.json`)
  const sortedDocs = Object.fromEntries([...memberDocs.keys()].sort().map((k) => [k, memberDocs.get(k)]))
  const docs = {
    source: `npm aws-sdk@${version}: ${docsFiles.join(', ')}`,
    cliName: svc.cli,
    operations: opDocs,
    shapes: sortedDocs,
    examples,
  }
  return { model, docs, problems, notes, applied }
}

// ---------------------------------------------------------------------------------------------------------
// overrides (scripts/model-overrides.json)

const SHAPE_TYPES = new Set(['structure', 'list', 'map', ...SCALAR_TYPES])
const MEMBER_REF_KEYS = new Set(['shape', 'deprecated', 'idempotencyToken'])

/** Reads and checks the overrides file's form: { "$comment", <cli>: { <shape>: { source, order?, add? } | { source, define } } }. */
function readOverrides(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const fail = (msg) => { throw new Error(`${file}: ${msg}`) }
  const checkRef = (ref, where) => {
    if (!ref || typeof ref !== 'object' || typeof ref.shape !== 'string') fail(`${where}: a member ref needs {"shape": "<name>"}`)
    for (const k of Object.keys(ref)) if (!MEMBER_REF_KEYS.has(k)) fail(`${where}: unknown member ref key ${k}`)
  }
  const checkShape = (s, where) => {
    if (!s || typeof s !== 'object' || !SHAPE_TYPES.has(s.type)) fail(`${where}: not a shape (type ${s?.type})`)
    const allowed = { structure: ['members', 'required', 'exception', 'document', 'union'], list: ['member'], map: ['key', 'value'] }[s.type] ?? ['enum', 'timestampFormat', 'jsonvalue']
    for (const k of Object.keys(s)) if (k !== 'type' && !allowed.includes(k)) fail(`${where}: unexpected key ${k} on a ${s.type} shape`)
    if (s.type === 'structure') {
      for (const [m, ref] of Object.entries(s.members ?? fail(`${where}: structure without members`))) checkRef(ref, `${where}.${m}`)
      for (const r of s.required ?? []) if (!(r in s.members)) fail(`${where}: required member ${r} is not a member`)
    }
    if (s.type === 'list') checkRef(s.member, `${where}[]`)
    if (s.type === 'map') { checkRef(s.key, `${where}<key>`); checkRef(s.value, `${where}<value>`) }
    if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.some((v) => typeof v !== 'string'))) fail(`${where}: enum must be a list of strings`)
  }
  const byService = new Map()
  for (const [cli, entries] of Object.entries(data)) {
    if (cli.startsWith('$')) continue
    if (!SERVICES.some((s) => s.cli === cli)) fail(`unknown service ${cli}`)
    for (const [name, e] of Object.entries(entries)) {
      const where = `${cli} ${name}`
      if (typeof e.source !== 'string' || !e.source.trim()) fail(`${where}: every entry names its source`)
      for (const k of Object.keys(e)) if (!['source', 'order', 'add', 'define'].includes(k)) fail(`${where}: unknown key ${k}`)
      if (e.define !== undefined) {
        if (e.order !== undefined || e.add !== undefined) fail(`${where}: define excludes order/add`)
        checkShape(e.define, where)
      } else {
        if (e.order === undefined && e.add === undefined) fail(`${where}: needs order, add or define`)
        if (e.order !== undefined && (!Array.isArray(e.order) || e.order.some((m) => typeof m !== 'string'))) fail(`${where}: order must be a list of member names`)
        for (const [m, ref] of Object.entries(e.add ?? {})) checkRef(ref, `${where}.${m}`)
      }
    }
    byService.set(cli, entries)
  }
  return byService
}

/**
 * Applies one service's overrides to the converted shapes (in file order, so deterministically) and returns
 * what it did, one line per entry. Throws when an entry does not fit the aws-sdk model it corrects.
 */
function applyOverrides(cli, shapes, overrides) {
  const entries = overrides.get(cli)
  if (!entries) return []
  const fail = (msg) => { throw new Error(`model overrides: ${cli} ${msg}`) }
  const applied = []
  const defined = []
  for (const [name, e] of Object.entries(entries)) {
    if (e.define) {
      if (shapes.has(name)) fail(`${name}: define names a shape aws-sdk already has (drop the entry, or correct it with order/add)`)
      shapes.set(name, structuredClone(e.define))
      defined.push(name)
      applied.push(`${name}: defined (${e.define.type})`)
      continue
    }
    const shape = shapes.get(name)
    if (!shape) fail(`${name}: no such shape`)
    if (shape.type !== 'structure') fail(`${name}: is a ${shape.type}, order/add apply to structures`)
    const existing = Object.keys(shape.members)
    const add = e.add ?? {}
    for (const m of Object.keys(add)) if (existing.includes(m)) fail(`${name}.${m}: add names a member aws-sdk already has`)
    const all = [...existing, ...Object.keys(add)]
    const order = e.order ?? all
    const missing = all.filter((m) => !order.includes(m))
    const unknown = order.filter((m) => !all.includes(m))
    const dupes = order.filter((m, i) => order.indexOf(m) !== i)
    if (missing.length || unknown.length || dupes.length) {
      fail(`${name}: order must list every member once (missing: ${missing.join(',') || '-'}; unknown: ${unknown.join(',') || '-'}; repeated: ${dupes.join(',') || '-'})`)
    }
    if (order.join(',') === existing.join(',')) fail(`${name}: no-op (aws-sdk already has this order and these members; drop the entry)`)
    const reordered = order.filter((m) => existing.includes(m)).join(',') !== existing.join(',')
    const members = {}
    for (const m of order) members[m] = shape.members[m] ?? structuredClone(add[m])
    shape.members = members
    if (shape.required) shape.required = order.filter((m) => shape.required.includes(m))
    const what = [...(reordered ? ['reordered'] : []), ...Object.keys(add).map((m) => `+${m}`)]
    applied.push(`${name}: ${what.join(' ')}`)
  }
  // Every reference must resolve after applying, and every defined shape must be used.
  const used = new Set()
  for (const [name, s] of shapes) {
    const refs = s.type === 'structure' ? Object.entries(s.members).map(([m, r]) => [`${name}.${m}`, r.shape])
      : s.type === 'list' ? [[`${name}[]`, s.member.shape]]
        : s.type === 'map' ? [[`${name}<key>`, s.key.shape], [`${name}<value>`, s.value.shape]] : []
    for (const [where, ref] of refs) {
      if (!shapes.has(ref)) fail(`${where}: refers to shape ${ref}, which neither aws-sdk nor the overrides define`)
      used.add(ref)
    }
  }
  for (const name of defined) if (!used.has(name)) fail(`${name}: defined but not referenced by any shape`)
  return applied
}

// ---------------------------------------------------------------------------------------------------------
// output

/**
 * JSON with one line per entry down to `depth` levels (so diffs stay readable) and compact below it; object
 * key order is the insertion order built above, hence deterministic.
 */
function layout(value, depth, indent = '') {
  if (depth <= 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value)
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const inner = indent + ' '
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, depth - 1, inner)}`).join(',\n')}\n${indent}}`
}

function main() {
  const args = process.argv.slice(2)
  const outIndex = args.indexOf('--out')
  const outDir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, 'src', 'models', 'generated')
  const quiet = args.includes('--quiet')
  const version = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')).version
  const overridesIndex = args.indexOf('--overrides')
  const overrides = readOverrides(overridesIndex >= 0 ? resolve(args[overridesIndex + 1]) : overridesFile)
  mkdirSync(outDir, { recursive: true })

  const rows = []
  const listing = []
  let failed = false
  for (const svc of SERVICES) {
    const { model, docs, problems, notes, applied } = convertService(svc, version, overrides)
    if (problems.length) {
      failed = true
      console.error(`${svc.cli}: ${problems.length} disagreement(s) between min.json and d.ts:\n${problems.join('\n')}`)
    }
    if (!quiet) {
      if (notes.unknownKeys.size) console.warn(`${svc.cli}: unhandled model keys: ${[...notes.unknownKeys].join(', ')}`)
      if (applied.length) console.log(`${svc.cli}: model overrides applied:\n  ${applied.join('\n  ')}`)
      if (notes.droppedPaginators.length) console.log(`${svc.cli}: result_key-only paginator entries dropped: ${notes.droppedPaginators.join(', ')}`)
    }
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

  const services = `// Generated by scripts/gen-models.mjs from npm aws-sdk@${version}. Do not edit.
/** The generated CLI services, in the AWS CLI's (alphabetical) order, with counts for help and coverage tables. */
export const GENERATED_SERVICES = [
${listing.map((s) => `  ${JSON.stringify(s).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/"/g, "'")},`).join('\n')}
] as const

export const MODELS_SOURCE = 'npm aws-sdk@${version}'
`
  writeFileSync(join(outDir, 'services.ts'), services)

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

main()
