/**
 * AWS names → CLI words, exactly as botocore's `xform_name` (botocore/__init__.py; fidelity §1.6):
 * `CreateLoadBalancer` → `create-load-balancer`, `LoadBalancerArn` → `load-balancer-arn`, `DNSName` → `dns-name`,
 * `ListWebACLs` → `list-web-acls`. The AWS CLI names operations, options and waiters this way.
 */

// botocore `_first_cap_regex` and `_end_cap_regex`.
const FIRST_CAP = /(.)([A-Z][a-z]+)/g
const END_CAP = /([a-z0-9])([A-Z])/g
// botocore `_special_case_transform`: a pluralised acronym at the end (GatewayARNs, ListWebACLs, SomeCNAMEs).
const PLURAL_ACRONYM = /[A-Z]{2,}s$/

/** botocore `_xform_cache`'s hard-coded exceptions for sep `-` (none belongs to the services we model today). */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  CreateCachediSCSIVolume: 'create-cached-iscsi-volume',
  DescribeCachediSCSIVolumes: 'describe-cached-iscsi-volumes',
  DescribeStorediSCSIVolumes: 'describe-stored-iscsi-volumes',
  CreateStorediSCSIVolume: 'create-stored-iscsi-volume',
  ListHITsForQualificationType: 'list-hits-for-qualification-type',
  ExecutePartiQLStatement: 'execute-partiql-statement',
  ExecutePartiQLTransaction: 'execute-partiql-transaction',
  ExecutePartiQLBatch: 'execute-partiql-batch',
  AssociateWhatsAppBusinessAccount: 'associate-whatsapp-business-account',
  DeleteWhatsAppMessageMedia: 'delete-whatsapp-media-message',
  DisassociateWhatsAppBusinessAccount: 'disassociate-whatsapp-business-account',
  GetLinkedWhatsAppBusinessAccount: 'get-linked-whatsapp-business-account',
  GetLinkedWhatsAppBusinessAccountPhoneNumber: 'get-linked-whatsapp-business-account-phone-number',
  GetWhatsAppMessageMedia: 'get-whatsapp-message-media',
  ListLinkedWhatsAppBusinessAccounts: 'list-linked-whatsapp-business-accounts',
  PostWhatsAppMessageMedia: 'post-whatsapp-message-media',
  PutWhatsAppBusinessAccountEventDestinations: 'put-whatsapp-business-account-event-destinations',
  SendWhatsAppMessage: 'send-whatsapp-message',
}

const cache = new Map<string, string>()

/** botocore `xform_name(name, sep)`. A name that already contains `sep` is returned unchanged. */
export function xformName(name: string, sep = '-'): string {
  if (name.includes(sep)) return name
  if (sep === '-' && Object.hasOwn(EXCEPTIONS, name)) return EXCEPTIONS[name]
  if (sep === '_' && Object.hasOwn(EXCEPTIONS, name)) return EXCEPTIONS[name].replaceAll('-', '_')
  const key = `${sep}\u0000${name}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  let s = name
  const plural = PLURAL_ACRONYM.exec(s)
  if (plural) s = `${s.slice(0, -plural[0].length)}${sep}${plural[0].toLowerCase()}`
  s = s.replace(FIRST_CAP, `$1${sep}$2`)
  const out = s.replace(END_CAP, `$1${sep}$2`).toLowerCase()
  cache.set(key, out)
  return out
}

/** `CreateLoadBalancer` → `create-load-balancer` (also waiter names: `ServicesStable` → `services-stable`). */
export const cliOperationName = (operation: string): string => xformName(operation, '-')

/** `LoadBalancerArn` → `load-balancer-arn` (the option is `--load-balancer-arn`). */
export const cliOptionName = (member: string): string => xformName(member, '-')
