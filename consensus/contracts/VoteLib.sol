// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// A Casper-FFG vote of an aux-chain validator (DESIGN.md section 6), signed with EIP-712.
struct Vote {
  uint256 kernelHeight;
  bytes32 sourceHash;
  uint256 sourceNumber;
  bytes32 targetHash;
  uint256 targetNumber;
}

/// The signature is not 65 bytes r||s||v with v in {27, 28} and a low s, or recovers to no address.
error BadSignature();

/// EIP-712 hashing and signer recovery of votes. The domain names the AUX chain (votes are about it),
/// with no verifying contract, so the same signature is checked by Core, by Stake and by the nodes.
library VoteLib {
  bytes32 internal constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version,uint256 chainId)");
  bytes32 internal constant VOTE_TYPEHASH =
    keccak256(
      "Vote(uint256 kernelHeight,bytes32 sourceHash,uint256 sourceNumber,bytes32 targetHash,uint256 targetNumber)"
    );
  /// secp256k1n / 2: a larger s is the malleable twin of a valid signature (EIP-2).
  uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

  function domainSeparator(uint256 auxChainId) internal pure returns (bytes32) {
    return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Mosaic"), keccak256("1"), auxChainId));
  }

  function digest(bytes32 domain, Vote memory v) internal pure returns (bytes32) {
    bytes32 structHash = keccak256(
      abi.encode(VOTE_TYPEHASH, v.kernelHeight, v.sourceHash, v.sourceNumber, v.targetHash, v.targetNumber)
    );
    return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
  }

  function recover(bytes32 hash, bytes calldata sig) internal pure returns (address signer) {
    if (sig.length != 65) revert BadSignature();
    bytes32 r = bytes32(sig[0:32]);
    bytes32 s = bytes32(sig[32:64]);
    uint8 v = uint8(sig[64]);
    if (uint256(s) > HALF_N || (v != 27 && v != 28)) revert BadSignature();
    signer = ecrecover(hash, v, r, s);
    if (signer == address(0)) revert BadSignature();
  }
}
