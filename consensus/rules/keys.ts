// Ethereum addresses of secp256k1 keys.
import { keccak256 } from 'ethereum-cryptography/keccak.js'
import secp256k1 from 'secp256k1'

export function addressOfPublicKey(pub: Uint8Array): Uint8Array {
  const raw = pub.length === 65 ? pub.subarray(1) : pub
  return keccak256(raw).subarray(12)
}

export function addressOfPrivateKey(privateKey: Uint8Array): Uint8Array {
  return addressOfPublicKey(secp256k1.publicKeyCreate(privateKey, false))
}
