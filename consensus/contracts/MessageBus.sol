// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerklePatriciaProof} from "./MerklePatriciaProof.sol";

/// Where a message stands in a gateway's outbox (the side that declared it) or inbox (the other side).
/// The numbers are protocol: each side proves the other's slot holds one of them.
enum Status {
  Undeclared,
  Declared,
  Progressed,
  RevocationDeclared,
  Revoked
}

/// What a gateway keeps of a message. In the outbox: everything but the fee and hash lock (those are in
/// the declaring event); in the inbox only while a hash-locked message waits for its unlock secret.
struct Message {
  address sender;
  address valueToken;
  address beneficiary;
  uint256 amount;
  uint256 fee;
  bytes32 hashLock;
}

/// No trusted state root for that block on this chain (yet).
error UnknownStateRoot(uint256 blockNumber);
/// The proof shows the other gateway's slot holding `proven`, not the status this step needs.
error ProofMismatch(uint256 proven, uint256 expected);
error WrongNonce(uint256 expected, uint256 given);
/// The message is not in the status this step starts from (a replay finds it past Undeclared).
error WrongStatus(bytes32 messageHash, uint8 status);
error InvalidUnlockSecret();
error FeeExceedsAmount(uint256 fee, uint256 amount);
/// Only the message's sender may declare its revocation.
error NotSender();
error WrongValue();
error ZeroAmount();
error TransferFailed();
/// A redeem of a value token whose utility token was never minted: nobody holds any to burn.
error UnknownValueToken(address valueToken);

/// The message bus both gateways share (DESIGN.md section 8): message and intent hashes, the storage
/// slots of the outbox and inbox mappings, nonces, and the proof that the other gateway's slot holds a
/// status under a state root this chain trusts. Both gateways declare `outbox` then `inbox` as their
/// first state variables (slots 0 and 1): the other side's proofs name those slots.
library MessageBus {
  bytes32 internal constant MESSAGE_TYPEHASH = keccak256(
    "Message(bytes32 intentHash,uint256 nonce,uint256 feeGasPrice,uint256 feeGasLimit,address sender,bytes32 hashLock)"
  );
  bytes32 internal constant STAKE_INTENT_TYPEHASH =
    keccak256("StakeIntent(address valueToken,uint256 amount,address beneficiary,address gateway)");
  bytes32 internal constant REDEEM_INTENT_TYPEHASH =
    keccak256("RedeemIntent(address valueToken,uint256 amount,address beneficiary,address cogateway)");
  uint256 internal constant OUTBOX_SLOT = 0;
  uint256 internal constant INBOX_SLOT = 1;

  function messageHash(
    bytes32 intentHash,
    uint256 nonce,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    address sender,
    bytes32 hashLock
  ) internal pure returns (bytes32) {
    return keccak256(abi.encode(MESSAGE_TYPEHASH, intentHash, nonce, feeGasPrice, feeGasLimit, sender, hashLock));
  }

  function stakeIntentHash(address valueToken, uint256 amount, address beneficiary, address gateway)
    internal
    pure
    returns (bytes32)
  {
    return keccak256(abi.encode(STAKE_INTENT_TYPEHASH, valueToken, amount, beneficiary, gateway));
  }

  function redeemIntentHash(address valueToken, uint256 amount, address beneficiary, address cogateway)
    internal
    pure
    returns (bytes32)
  {
    return keccak256(abi.encode(REDEEM_INTENT_TYPEHASH, valueToken, amount, beneficiary, cogateway));
  }

  /// The storage key of outbox[h] (or inbox[h]) in a gateway: what eth_getProof is asked for.
  function slotOf(bytes32 h, uint256 mappingSlot) internal pure returns (bytes32) {
    return keccak256(abi.encode(h, mappingSlot));
  }

  /// The fee the destination side pays whoever progresses the message there.
  function feeOf(uint256 feeGasPrice, uint256 feeGasLimit, uint256 amount) internal pure returns (uint256 fee) {
    if (amount == 0) revert ZeroAmount();
    fee = feeGasPrice * feeGasLimit;
    if (fee > amount) revert FeeExceedsAmount(fee, amount);
  }

  /// Declares the next message of `sender` in an outbox: the nonce must be the sender's next one.
  function useNonce(mapping(address => uint256) storage nonces, address sender, uint256 nonce) internal {
    uint256 expected = nonces[sender];
    if (nonce != expected) revert WrongNonce(expected, nonce);
    nonces[sender] = expected + 1;
  }

  /// Confirms a message of `sender` in an inbox: nonces only go up (`next` is one past the last confirmed),
  /// so a message skipped over can never be confirmed and is revoked instead.
  function useInboxNonce(mapping(address => uint256) storage next, address sender, uint256 nonce) internal {
    uint256 expected = next[sender];
    if (nonce < expected) revert WrongNonce(expected, nonce);
    next[sender] = nonce + 1;
  }

  function expectStatus(Status status, Status expected, bytes32 h) internal pure {
    if (status != expected) revert WrongStatus(h, uint8(status));
  }

  function checkUnlock(bytes32 hashLock, bytes32 unlockSecret) internal pure {
    if (keccak256(abi.encodePacked(unlockSecret)) != hashLock) revert InvalidUnlockSecret();
  }

  /// Reverts unless `account`'s storage at `slot` holds `expected` under `stateRoot` (a root this chain
  /// trusts for `blockNumber`; zero when it has none). An absent account or slot proves 0 (Undeclared).
  function prove(
    bytes32 stateRoot,
    uint256 blockNumber,
    address account,
    bytes32 slot,
    Status expected,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) internal pure {
    if (stateRoot == bytes32(0)) revert UnknownStateRoot(blockNumber);
    (bool exists,,, bytes32 storageRoot,) = MerklePatriciaProof.verifyAccount(stateRoot, account, accountProof);
    uint256 proven = exists ? MerklePatriciaProof.verifyStorage(storageRoot, slot, storageProof) : 0;
    if (proven != uint256(expected)) revert ProofMismatch(proven, uint256(expected));
  }
}
