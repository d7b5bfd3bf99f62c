// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Core} from "./Core.sol";
import {
  Message,
  MessageBus,
  NotSender,
  Status,
  TransferFailed,
  WrongStatus
} from "./MessageBus.sol";

/// The origin end of the token bridge (DESIGN.md section 8). Stake: value tokens locked here, declared in
/// the outbox; CoGateway on the aux chain mints their counterpart once it proves the declaration against
/// an origin state root the aux chain finalised. Redeem: burned on aux, declared in CoGateway's outbox;
/// released here against a proof under an aux state root committed to Core by 2/3 of the stake.
/// No key is trusted: every cross-chain step is a Merkle-Patricia proof of the other gateway's storage.
contract Gateway {
  /// Slots 0 and 1 (CoGateway proves them): the layout is protocol, keep these first.
  mapping(bytes32 => Status) public outbox;
  mapping(bytes32 => Status) public inbox;
  /// The nonce the sender's next stake must carry.
  mapping(address => uint256) public nonces;
  /// One past the highest nonce confirmed from each redeemer: confirmations only go up.
  mapping(address => uint256) public inboxNonces;
  mapping(bytes32 => Message) public messages;

  /// The origin token whose aux counterpart is the native coin (CoGateway pays it from its reserve).
  address public immutable baseToken;
  Core public immutable core;
  /// CoGateway's address on the aux chain (predeployed), whose storage the proofs are of.
  address public immutable coGateway;

  event StakeDeclared(
    bytes32 indexed messageHash,
    address indexed staker,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    bytes32 hashLock
  );
  event StakeProgressed(bytes32 indexed messageHash);
  event StakeRevocationDeclared(bytes32 indexed messageHash);
  event StakeReverted(bytes32 indexed messageHash);
  event RedeemConfirmed(
    bytes32 indexed messageHash,
    address indexed redeemer,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary
  );
  event UnstakeProgressed(
    bytes32 indexed messageHash,
    address indexed beneficiary,
    uint256 released,
    address facilitator,
    uint256 fee
  );
  event RedeemRevocationConfirmed(bytes32 indexed messageHash);

  constructor(address baseToken_, Core core_, address coGateway_) {
    baseToken = baseToken_;
    core = core_;
    coGateway = coGateway_;
  }

  /// Locks `amount` of `valueToken` (approved to this contract) for `beneficiary` on the aux chain, where
  /// `feeGasPrice * feeGasLimit` of it goes to whoever confirms the stake there. `hashLock` zero: the
  /// confirmation mints at once; else minting waits for progressMint with the secret.
  function stake(
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    uint256 nonce,
    bytes32 hashLock
  ) external returns (bytes32 messageHash) {
    MessageBus.feeOf(feeGasPrice, feeGasLimit, amount);
    MessageBus.useNonce(nonces, msg.sender, nonce);
    messageHash = MessageBus.messageHash(
      MessageBus.stakeIntentHash(valueToken, amount, beneficiary, address(this)),
      nonce,
      feeGasPrice,
      feeGasLimit,
      msg.sender,
      hashLock
    );
    // A fresh nonce makes a fresh hash: the outbox slot is Undeclared here.
    outbox[messageHash] = Status.Declared;
    Message storage m = messages[messageHash];
    m.sender = msg.sender;
    m.valueToken = valueToken;
    m.beneficiary = beneficiary;
    m.amount = amount;
    pull(valueToken, msg.sender, amount);
    emit StakeDeclared(
      messageHash, msg.sender, nonce, valueToken, amount, beneficiary, feeGasPrice, feeGasLimit, hashLock
    );
  }

  /// Closes a stake CoGateway progressed (minted): proves its inbox[h] == Progressed under the aux state
  /// root Core holds for `auxBlockNumber`. Also closes one whose revocation came too late.
  function progressStake(
    bytes32 messageHash,
    uint256 auxBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    Status status = outbox[messageHash];
    if (status != Status.Declared && status != Status.RevocationDeclared)
      revert WrongStatus(messageHash, uint8(status));
    proveOnAux(messageHash, MessageBus.INBOX_SLOT, Status.Progressed, auxBlockNumber, accountProof, storageProof);
    outbox[messageHash] = Status.Progressed;
    emit StakeProgressed(messageHash);
  }

  /// The staker asks for the stake back; it returns once CoGateway proves it never confirmed the stake
  /// (confirmRevertStakeIntent) and progressRevertStake proves that here.
  function revertStake(bytes32 messageHash) external {
    MessageBus.expectStatus(outbox[messageHash], Status.Declared, messageHash);
    if (messages[messageHash].sender != msg.sender) revert NotSender();
    outbox[messageHash] = Status.RevocationDeclared;
    emit StakeRevocationDeclared(messageHash);
  }

  /// Returns a revoked stake to the staker: proves CoGateway's inbox[h] == Revoked.
  function progressRevertStake(
    bytes32 messageHash,
    uint256 auxBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    MessageBus.expectStatus(outbox[messageHash], Status.RevocationDeclared, messageHash);
    proveOnAux(messageHash, MessageBus.INBOX_SLOT, Status.Revoked, auxBlockNumber, accountProof, storageProof);
    outbox[messageHash] = Status.Revoked;
    Message storage m = messages[messageHash];
    push(m.valueToken, m.sender, m.amount);
    emit StakeReverted(messageHash);
  }

  /// Confirms a redeem CoGateway declared (its outbox[h] == Declared under the aux state root Core holds
  /// for `auxBlockNumber`) and, without a hash lock, releases `amount - fee` to the beneficiary and the
  /// fee to the caller.
  function confirmRedeemIntent(
    address redeemer,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    bytes32 hashLock,
    uint256 auxBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external returns (bytes32 messageHash) {
    messageHash = MessageBus.messageHash(
      MessageBus.redeemIntentHash(valueToken, amount, beneficiary, coGateway),
      nonce,
      feeGasPrice,
      feeGasLimit,
      redeemer,
      hashLock
    );
    MessageBus.expectStatus(inbox[messageHash], Status.Undeclared, messageHash);
    MessageBus.useInboxNonce(inboxNonces, redeemer, nonce);
    uint256 fee = MessageBus.feeOf(feeGasPrice, feeGasLimit, amount);
    proveOnAux(messageHash, MessageBus.OUTBOX_SLOT, Status.Declared, auxBlockNumber, accountProof, storageProof);
    emit RedeemConfirmed(messageHash, redeemer, nonce, valueToken, amount, beneficiary);
    if (hashLock == bytes32(0)) {
      inbox[messageHash] = Status.Progressed;
      release(messageHash, valueToken, beneficiary, amount, fee);
    } else {
      inbox[messageHash] = Status.Declared;
      messages[messageHash] = Message(redeemer, valueToken, beneficiary, amount, fee, hashLock);
    }
  }

  /// Releases a hash-locked redeem: keccak256(unlockSecret) must be its hash lock.
  function progressUnstake(bytes32 messageHash, bytes32 unlockSecret) external {
    MessageBus.expectStatus(inbox[messageHash], Status.Declared, messageHash);
    Message storage m = messages[messageHash];
    MessageBus.checkUnlock(m.hashLock, unlockSecret);
    inbox[messageHash] = Status.Progressed;
    release(messageHash, m.valueToken, m.beneficiary, m.amount, m.fee);
  }

  /// Confirms the revocation of a redeem that was never released here: proves CoGateway's
  /// outbox[h] == RevocationDeclared. A hash-locked one still waiting for its secret may be revoked too.
  function confirmRevertRedeemIntent(
    bytes32 messageHash,
    uint256 auxBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    Status status = inbox[messageHash];
    if (status != Status.Undeclared && status != Status.Declared) revert WrongStatus(messageHash, uint8(status));
    proveOnAux(
      messageHash,
      MessageBus.OUTBOX_SLOT,
      Status.RevocationDeclared,
      auxBlockNumber,
      accountProof,
      storageProof
    );
    inbox[messageHash] = Status.Revoked;
    emit RedeemRevocationConfirmed(messageHash);
  }

  function proveOnAux(
    bytes32 messageHash,
    uint256 mappingSlot,
    Status expected,
    uint256 auxBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) private view {
    MessageBus.prove(
      core.auxStateRoot(auxBlockNumber),
      auxBlockNumber,
      coGateway,
      MessageBus.slotOf(messageHash, mappingSlot),
      expected,
      accountProof,
      storageProof
    );
  }

  function release(bytes32 messageHash, address valueToken, address beneficiary, uint256 amount, uint256 fee)
    private
  {
    push(valueToken, beneficiary, amount - fee);
    push(valueToken, msg.sender, fee);
    emit UnstakeProgressed(messageHash, beneficiary, amount - fee, msg.sender, fee);
  }

  /// transferFrom that also accepts tokens returning nothing (USDT), and refuses an address without code
  /// (a call to it would "succeed" without moving anything).
  function pull(address token, address from, uint256 amount) private {
    if (token.code.length == 0) revert TransferFailed();
    (bool ok, bytes memory ret) = token.call(abi.encodeWithSelector(0x23b872dd, from, address(this), amount));
    checkTransfer(ok, ret);
  }

  function push(address token, address to, uint256 amount) private {
    if (amount == 0) return;
    (bool ok, bytes memory ret) = token.call(abi.encodeWithSelector(0xa9059cbb, to, amount));
    checkTransfer(ok, ret);
  }

  /// A token's own revert (e.g. InsufficientAllowance) is passed on as it is, so callers see why.
  function checkTransfer(bool ok, bytes memory ret) private pure {
    if (!ok && ret.length != 0) {
      assembly ("memory-safe") {
        revert(add(ret, 32), mload(ret))
      }
    }
    if (!ok || (ret.length != 0 && (ret.length != 32 || abi.decode(ret, (uint256)) != 1))) revert TransferFailed();
  }
}
