// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuxHeader} from "./AuxHeader.sol";
import {Stake} from "./Stake.sol";
import {Vote, VoteLib} from "./VoteLib.sol";

/// The aux chain as the origin chain sees it (DESIGN.md section 7): kernels (validator sets with
/// stakes) and the finalised aux checkpoints committed with the votes of >= 2/3 of a kernel's stake.
/// Every commit opens the next kernel when the Stake contract has pending changes.
contract Core {
  struct Kernel {
    address[] validators;
    uint256[] stakes;
    uint256 totalStake;
    uint256 openedAtOriginBlock;
  }

  struct Commit {
    uint256 kernelHeight;
    uint256 auxBlockNumber;
    bytes32 auxBlockHash;
    bytes32 auxStateRoot;
  }

  Stake public immutable stake;
  uint256 public immutable auxChainId;
  uint256 public immutable epochLength;
  bytes32 private immutable domain;
  address private immutable deployer;

  uint256 public kernelHeight;
  mapping(uint256 => Kernel) private kernels;
  mapping(uint256 => mapping(address => uint256)) private kernelStake;
  Commit private latest;
  mapping(uint256 => bytes32) public auxStateRoot;

  event KernelOpened(uint256 indexed height, address[] validators, uint256[] stakes);
  event MetaBlockCommitted(
    uint256 indexed kernelHeight,
    uint256 auxBlockNumber,
    bytes32 auxBlockHash,
    bytes32 auxStateRoot
  );

  error OnlyDeployer();
  error AlreadyStarted();
  error NoValidators();
  error UnknownKernel(uint256 height, uint256 current);
  error StaleKernel(uint256 height, uint256 lastCommitted);
  error AlreadyCommitted(uint256 lastCommittedAuxBlock);
  error NotDirectChild(uint256 sourceNumber, uint256 targetNumber, uint256 epochLength);
  error SignersNotAscending(address signer);
  error NotInKernel(address signer);
  error NoSupermajority(uint256 signed, uint256 total);

  constructor(Stake stake_, uint256 auxChainId_, uint256 epochLength_) {
    stake = stake_;
    auxChainId = auxChainId_;
    epochLength = epochLength_;
    domain = VoteLib.domainSeparator(auxChainId_);
    deployer = msg.sender;
  }

  /// Once, by the deployer, after Stake.setCore(this) and the first deposits: opens kernel 1.
  function start() external {
    if (msg.sender != deployer) revert OnlyDeployer();
    if (kernelHeight != 0) revert AlreadyStarted();
    stake.openKernel();
    openNextKernel();
    if (kernels[1].validators.length == 0) revert NoValidators();
  }

  /// A finalised aux checkpoint: `sourceHeaderRlp` is the header of the source block, finalised by the
  /// direct-child link source -> target that the signatures vote for (DESIGN.md section 6). Signers
  /// ascend by address. Committing a source at or below the last committed block reverts
  /// AlreadyCommitted, which committers treat as success.
  function commitMetaBlock(
    uint256 height,
    bytes calldata sourceHeaderRlp,
    bytes32 targetHash,
    uint256 targetNumber,
    bytes[] calldata signatures
  ) external {
    bytes32 sourceHash = keccak256(sourceHeaderRlp);
    (bytes32 stateRoot, uint256 sourceNumber) = AuxHeader.parse(sourceHeaderRlp);
    // Aux block 0 (genesis) is final by definition and counts as committed.
    if (sourceNumber <= latest.auxBlockNumber) revert AlreadyCommitted(latest.auxBlockNumber);
    if (targetNumber != sourceNumber + epochLength) revert NotDirectChild(sourceNumber, targetNumber, epochLength);
    if (height == 0 || height > kernelHeight) revert UnknownKernel(height, kernelHeight);
    if (height < latest.kernelHeight) revert StaleKernel(height, latest.kernelHeight);

    bytes32 digest = VoteLib.digest(domain, Vote(height, sourceHash, sourceNumber, targetHash, targetNumber));
    uint256 signed = countStake(height, digest, signatures);
    uint256 total = kernels[height].totalStake;
    // An empty kernel never reaches a supermajority.
    if (total == 0 || signed * 3 < total * 2) revert NoSupermajority(signed, total);

    latest = Commit(height, sourceNumber, sourceHash, stateRoot);
    auxStateRoot[sourceNumber] = stateRoot;
    emit MetaBlockCommitted(height, sourceNumber, sourceHash, stateRoot);
    if (stake.openKernel()) openNextKernel();
  }

  function kernel(
    uint256 height
  ) external view returns (address[] memory validators, uint256[] memory stakes, uint256 openedAtOriginBlock) {
    Kernel storage k = kernels[height];
    return (k.validators, k.stakes, k.openedAtOriginBlock);
  }

  function latestCommit()
    external
    view
    returns (uint256 kernelHeight_, uint256 auxBlockNumber, bytes32 auxBlockHash, bytes32 auxStateRoot_)
  {
    return (latest.kernelHeight, latest.auxBlockNumber, latest.auxBlockHash, latest.auxStateRoot);
  }

  function countStake(
    uint256 height,
    bytes32 digest,
    bytes[] calldata signatures
  ) private view returns (uint256 signed) {
    address previous = address(0);
    for (uint256 i = 0; i < signatures.length; i++) {
      address signer = VoteLib.recover(digest, signatures[i]);
      // Strictly ascending: no signer counts twice, and the check costs no storage.
      if (signer <= previous) revert SignersNotAscending(signer);
      uint256 weight = kernelStake[height][signer];
      if (weight == 0) revert NotInKernel(signer);
      signed += weight;
      previous = signer;
    }
  }

  function openNextKernel() private {
    uint256 height = ++kernelHeight;
    (address[] memory validators, uint256[] memory stakes) = stake.activeValidators();
    Kernel storage k = kernels[height];
    k.validators = validators;
    k.stakes = stakes;
    k.openedAtOriginBlock = block.number;
    uint256 total = 0;
    for (uint256 i = 0; i < validators.length; i++) {
      kernelStake[height][validators[i]] = stakes[i];
      total += stakes[i];
    }
    k.totalStake = total;
    emit KernelOpened(height, validators, stakes);
  }
}
