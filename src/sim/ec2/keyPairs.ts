import { AwsError, ec2Id, ownEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import type { Tag } from './state.ts'

/** A key pair as DescribeKeyPairs shows it (KeyPairInfo; times as epoch ms). The private key is never kept. */
export interface KeyPair {
  KeyPairId: string
  KeyType: string
  Tags: Tag[]
  CreateTime: number
  KeyName: string
  KeyFingerprint: string
}

/** `--key-name` names a key pair that must exist (EC2 API Reference, RunInstances: InvalidKeyPair.NotFound). */
export const keyPairNotFound = (name: string) => new AwsError('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`)

/**
 * CreateKeyPair: the private key is returned once and EC2 keeps only the public half (EC2 User Guide, "Create a key
 * pair"). The key material here is a placeholder: nothing in the sandbox logs in with it.
 */
export const createKeyPair = handler((ctx, input: { KeyName: string; KeyType?: string }) => {
  const { keyPairs } = ctx.world.ec2
  if (ownEntry(keyPairs, input.KeyName)) throw new AwsError('InvalidKeyPair.Duplicate', `The keypair already exists`)
  const fingerprint = Array.from({ length: 20 }, () => ctx.rng.hex(2)).join(':')
  const pair: KeyPair = { KeyPairId: ec2Id(ctx.rng, 'key'), KeyType: input.KeyType ?? 'rsa', Tags: [], CreateTime: ctx.now(), KeyName: input.KeyName, KeyFingerprint: fingerprint }
  keyPairs[input.KeyName] = pair
  ctx.log(input.KeyName, { kind: 'resource.created', type: 'AWS::EC2::KeyPair', detail: `${pair.KeyType} key pair` })
  return {
    KeyPairId: pair.KeyPairId,
    KeyName: pair.KeyName,
    KeyFingerprint: fingerprint,
    KeyMaterial: '-----BEGIN RSA PRIVATE KEY-----\n(the sandbox keeps no real key)\n-----END RSA PRIVATE KEY-----',
  }
})

export const describeKeyPairs = handler((ctx, input: { KeyNames?: string[] }) => {
  const { keyPairs } = ctx.world.ec2
  const missing = input.KeyNames?.find((n) => !ownEntry(keyPairs, n))
  if (missing !== undefined) throw keyPairNotFound(missing)
  const pairs = input.KeyNames?.length ? input.KeyNames.map((n) => keyPairs[n]) : Object.values(keyPairs)
  return { KeyPairs: pairs }
})

export const deleteKeyPair = handler((ctx, input: { KeyName?: string }) => {
  const name = input.KeyName ?? ''
  const existed = Boolean(ownEntry(ctx.world.ec2.keyPairs, name))
  delete ctx.world.ec2.keyPairs[name]
  if (existed) ctx.log(name, { kind: 'resource.deleted', type: 'AWS::EC2::KeyPair' })
  return { Return: true }
})
