// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {
  Message,
  MessageBus,
  NotSender,
  Status,
  TransferFailed,
  UnknownValueToken,
  WrongStatus,
  WrongValue
} from "./MessageBus.sol";
import {OriginRoots} from "./OriginRoots.sol";
import {UtilityToken} from "./UtilityToken.sol";

/// The aux end of the token bridge (DESIGN.md section 8), predeployed in genesis at
/// 0x0000000000000000000000000000000000001001. It is never constructed: genesis writes its configuration
/// (slots 2 and 3) and gives it the native coin reserved for the bridge. A stake of the base token is
/// "minted" by paying native coin out of that reserve and a redeem pays it back in, so the origin
/// Gateway's locked base token always equals the reserve's shortfall. Any other value token gets a
/// UtilityToken, created with CREATE2 on its first mint.
/// Origin state roots come from OriginRoots, which the protocol fills from finalised origin observations.
contract CoGateway {
  OriginRoots internal constant ORIGIN_ROOTS = OriginRoots(0x0000000000000000000000000000000000001000);

  /// Slots 0-3 are protocol: the origin Gateway proves slots 0 and 1, genesis writes 2 and 3.
  mapping(bytes32 => Status) public outbox;
  mapping(bytes32 => Status) public inbox;
  /// The origin Gateway.
  address public gateway;
  /// The origin token whose aux counterpart is the native coin.
  address public baseToken;
  /// The nonce the sender's next redeem must carry.
  mapping(address => uint256) public nonces;
  /// One past the highest nonce confirmed from each staker: confirmations only go up.
  mapping(address => uint256) public inboxNonces;
  mapping(bytes32 => Message) public messages;
  /// Zero until the value token's first mint.
  mapping(address => address) public utilityTokenOf;

  event StakeConfirmed(
    bytes32 indexed messageHash,
    address indexed staker,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary
  );
  event MintProgressed(
    bytes32 indexed messageHash,
    address indexed beneficiary,
    uint256 minted,
    address facilitator,
    uint256 fee
  );
  event StakeRevocationConfirmed(bytes32 indexed messageHash);
  event RedeemDeclared(
    bytes32 indexed messageHash,
    address indexed redeemer,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    bytes32 hashLock
  );
  event RedeemProgressed(bytes32 indexed messageHash);
  event RedeemRevocationDeclared(bytes32 indexed messageHash);
  event RedeemReverted(bytes32 indexed messageHash);

  /// Confirms a stake the origin Gateway declared (its outbox[h] == Declared under the origin state root
  /// of `originBlockNumber`) and, without a hash lock, mints `amount - fee` to the beneficiary and the
  /// fee to the caller.
  function confirmStakeIntent(
    address staker,
    uint256 nonce,
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    bytes32 hashLock,
    uint256 originBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external returns (bytes32 messageHash) {
    messageHash = MessageBus.messageHash(
      MessageBus.stakeIntentHash(valueToken, amount, beneficiary, gateway),
      nonce,
      feeGasPrice,
      feeGasLimit,
      staker,
      hashLock
    );
    MessageBus.expectStatus(inbox[messageHash], Status.Undeclared, messageHash);
    MessageBus.useInboxNonce(inboxNonces, staker, nonce);
    uint256 fee = MessageBus.feeOf(feeGasPrice, feeGasLimit, amount);
    proveOnOrigin(
      messageHash,
      MessageBus.OUTBOX_SLOT,
      Status.Declared,
      originBlockNumber,
      accountProof,
      storageProof
    );
    emit StakeConfirmed(messageHash, staker, nonce, valueToken, amount, beneficiary);
    if (hashLock == bytes32(0)) {
      inbox[messageHash] = Status.Progressed;
      mintFor(messageHash, valueToken, beneficiary, amount, fee);
    } else {
      inbox[messageHash] = Status.Declared;
      messages[messageHash] = Message(staker, valueToken, beneficiary, amount, fee, hashLock);
    }
  }

  /// Mints a hash-locked stake: keccak256(unlockSecret) must be its hash lock.
  function progressMint(bytes32 messageHash, bytes32 unlockSecret) external {
    MessageBus.expectStatus(inbox[messageHash], Status.Declared, messageHash);
    Message storage m = messages[messageHash];
    MessageBus.checkUnlock(m.hashLock, unlockSecret);
    inbox[messageHash] = Status.Progressed;
    mintFor(messageHash, m.valueToken, m.beneficiary, m.amount, m.fee);
  }

  /// Confirms the revocation of a stake that was never minted here: proves the Gateway's
  /// outbox[h] == RevocationDeclared. A hash-locked one still waiting for its secret may be revoked too.
  function confirmRevertStakeIntent(
    bytes32 messageHash,
    uint256 originBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    Status status = inbox[messageHash];
    if (status != Status.Undeclared && status != Status.Declared) revert WrongStatus(messageHash, uint8(status));
    proveOnOrigin(
      messageHash,
      MessageBus.OUTBOX_SLOT,
      Status.RevocationDeclared,
      originBlockNumber,
      accountProof,
      storageProof
    );
    inbox[messageHash] = Status.Revoked;
    emit StakeRevocationConfirmed(messageHash);
  }

  /// Gives up `amount` of `valueToken`'s counterpart for `beneficiary` on the origin, where
  /// `feeGasPrice * feeGasLimit` of it goes to whoever confirms the redeem there. The base token's
  /// counterpart is the native coin, sent as msg.value; a utility token is burned from the caller.
  function redeem(
    address valueToken,
    uint256 amount,
    address beneficiary,
    uint256 feeGasPrice,
    uint256 feeGasLimit,
    uint256 nonce,
    bytes32 hashLock
  ) external payable returns (bytes32 messageHash) {
    MessageBus.feeOf(feeGasPrice, feeGasLimit, amount);
    MessageBus.useNonce(nonces, msg.sender, nonce);
    if (valueToken == baseToken) {
      if (msg.value != amount) revert WrongValue();
    } else {
      if (msg.value != 0) revert WrongValue();
      address token = utilityTokenOf[valueToken];
      if (token == address(0)) revert UnknownValueToken(valueToken);
      UtilityToken(token).burn(msg.sender, amount);
    }
    messageHash = MessageBus.messageHash(
      MessageBus.redeemIntentHash(valueToken, amount, beneficiary, address(this)),
      nonce,
      feeGasPrice,
      feeGasLimit,
      msg.sender,
      hashLock
    );
    outbox[messageHash] = Status.Declared;
    Message storage m = messages[messageHash];
    m.sender = msg.sender;
    m.valueToken = valueToken;
    m.beneficiary = beneficiary;
    m.amount = amount;
    emit RedeemDeclared(
      messageHash, msg.sender, nonce, valueToken, amount, beneficiary, feeGasPrice, feeGasLimit, hashLock
    );
  }

  /// Closes a redeem the origin Gateway released: proves its inbox[h] == Progressed under the origin
  /// state root of `originBlockNumber`. Also closes one whose revocation came too late.
  function progressRedeem(
    bytes32 messageHash,
    uint256 originBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    Status status = outbox[messageHash];
    if (status != Status.Declared && status != Status.RevocationDeclared)
      revert WrongStatus(messageHash, uint8(status));
    proveOnOrigin(
      messageHash,
      MessageBus.INBOX_SLOT,
      Status.Progressed,
      originBlockNumber,
      accountProof,
      storageProof
    );
    outbox[messageHash] = Status.Progressed;
    emit RedeemProgressed(messageHash);
  }

  /// The redeemer asks for the redeemed value back; it returns once the Gateway proves it never
  /// confirmed the redeem (confirmRevertRedeemIntent) and progressRevertRedeem proves that here.
  function revertRedeem(bytes32 messageHash) external {
    MessageBus.expectStatus(outbox[messageHash], Status.Declared, messageHash);
    if (messages[messageHash].sender != msg.sender) revert NotSender();
    outbox[messageHash] = Status.RevocationDeclared;
    emit RedeemRevocationDeclared(messageHash);
  }

  /// Returns a revoked redeem to the redeemer (native coin, or utility tokens minted again): proves the
  /// Gateway's inbox[h] == Revoked.
  function progressRevertRedeem(
    bytes32 messageHash,
    uint256 originBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) external {
    MessageBus.expectStatus(outbox[messageHash], Status.RevocationDeclared, messageHash);
    proveOnOrigin(messageHash, MessageBus.INBOX_SLOT, Status.Revoked, originBlockNumber, accountProof, storageProof);
    outbox[messageHash] = Status.Revoked;
    Message storage m = messages[messageHash];
    pay(m.valueToken, m.sender, m.amount);
    emit RedeemReverted(messageHash);
  }

  function proveOnOrigin(
    bytes32 messageHash,
    uint256 mappingSlot,
    Status expected,
    uint256 originBlockNumber,
    bytes[] calldata accountProof,
    bytes[] calldata storageProof
  ) private view {
    MessageBus.prove(
      ORIGIN_ROOTS.stateRoot(originBlockNumber),
      originBlockNumber,
      gateway,
      MessageBus.slotOf(messageHash, mappingSlot),
      expected,
      accountProof,
      storageProof
    );
  }

  function mintFor(bytes32 messageHash, address valueToken, address beneficiary, uint256 amount, uint256 fee)
    private
  {
    pay(valueToken, beneficiary, amount - fee);
    pay(valueToken, msg.sender, fee);
    emit MintProgressed(messageHash, beneficiary, amount - fee, msg.sender, fee);
  }

  /// The counterpart of `valueToken` to `to`: native coin out of the reserve for the base token, else
  /// utility tokens minted.
  function pay(address valueToken, address to, uint256 amount) private {
    if (amount == 0) return;
    if (valueToken == baseToken) {
      (bool ok,) = to.call{value: amount}("");
      if (!ok) revert TransferFailed();
      return;
    }
    address token = utilityTokenOf[valueToken];
    if (token == address(0)) {
      token = address(new UtilityToken{salt: bytes32(uint256(uint160(valueToken)))}(valueToken));
      utilityTokenOf[valueToken] = token;
    }
    UtilityToken(token).mint(to, amount);
  }
}
