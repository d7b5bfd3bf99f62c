// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {StakeToken} from "./StakeToken.sol";
import {Vote, VoteLib} from "./VoteLib.sol";

/// Validator stake of one aux chain on the origin chain. Changes to the validator set (joins,
/// top-ups, logouts, slashes) wait in pending lists and take effect together when Core opens the next
/// kernel, so every kernel is one consistent snapshot of the set.
contract Stake {
  struct Validator {
    uint256 stake;
    bool active; // in the set of the latest kernel
    bool joining; // joins at the next kernel
    bool leaving; // logged out or slashed: leaves at the next kernel
    bool slashed;
    uint256 leftAtBlock; // origin block of the kernel it left at; 0 while it has not left
  }

  uint8 public constant OFFENCE_DOUBLE_VOTE = 1;
  uint8 public constant OFFENCE_SURROUND_VOTE = 2;

  StakeToken public immutable token;
  uint256 public immutable minStake;
  uint256 public immutable unbondingBlocks;
  uint256 public immutable auxChainId;
  bytes32 private immutable domain;
  address private immutable deployer;
  address public core;

  mapping(address => Validator) private validators;
  /// The active set, ascending by address.
  address[] private active;
  address[] private joins;
  address[] private leaves;
  /// An active validator's stake changed (a top-up): the next kernel differs even without joins or leaves.
  bool private stakeChanged;

  event Deposited(address indexed validator, address indexed from, uint256 amount, uint256 total);
  event LoggedOut(address indexed validator);
  event Withdrawn(address indexed validator, uint256 amount);
  event Slashed(address indexed validator, address indexed reporter, uint256 amount, uint8 offence);

  error ZeroAmount();
  error ZeroAddress();
  error BelowMinimumStake(uint256 total, uint256 minimum);
  error AlreadyLeaving();
  error NotAValidator();
  error StillActive();
  error StillBonded(uint256 untilBlock);
  error NotAnOffence();
  error DifferentSigners(address a, address b);
  error AlreadySlashed();
  error OnlyCore();
  error OnlyDeployer();
  error CoreAlreadySet();

  constructor(StakeToken token_, uint256 minStake_, uint256 unbondingBlocks_, uint256 auxChainId_) {
    token = token_;
    minStake = minStake_;
    unbondingBlocks = unbondingBlocks_;
    auxChainId = auxChainId_;
    domain = VoteLib.domainSeparator(auxChainId_);
    deployer = msg.sender;
  }

  /// Once, by the deployer: the Core that may open kernels.
  function setCore(address core_) external {
    if (msg.sender != deployer) revert OnlyDeployer();
    if (core != address(0)) revert CoreAlreadySet();
    core = core_;
  }

  /// Anyone adds stake for `validator`, paid from the caller's allowance. A new validator joins at
  /// the next kernel once its total reaches the minimum.
  function deposit(address validator, uint256 amount) external {
    if (amount == 0) revert ZeroAmount();
    // No key signs for address 0: its stake would count in every kernel and never vote.
    if (validator == address(0)) revert ZeroAddress();
    Validator storage v = validators[validator];
    if (v.slashed) revert AlreadySlashed();
    if (v.leaving || v.leftAtBlock != 0) revert AlreadyLeaving();
    uint256 total = v.stake + amount;
    if (total < minStake) revert BelowMinimumStake(total, minStake);
    token.transferFrom(msg.sender, address(this), amount);
    v.stake = total;
    if (v.active) stakeChanged = true;
    else if (!v.joining) {
      v.joining = true;
      joins.push(validator);
    }
    emit Deposited(validator, msg.sender, amount, total);
  }

  /// By the validator: leaves at the next kernel; its stake unbonds from then.
  function logout() external {
    Validator storage v = validators[msg.sender];
    if (!v.active && !v.joining) revert NotAValidator();
    if (v.leaving) revert AlreadyLeaving();
    v.leaving = true;
    leaves.push(msg.sender);
    emit LoggedOut(msg.sender);
  }

  /// By a validator that has left: pays its stake back once `unbondingBlocks` origin blocks have passed.
  function withdraw() external {
    Validator storage v = validators[msg.sender];
    if (v.stake == 0) revert NotAValidator();
    if (v.leftAtBlock == 0) revert StillActive();
    uint256 until = v.leftAtBlock + unbondingBlocks;
    if (block.number < until) revert StillBonded(until);
    uint256 amount = v.stake;
    delete validators[msg.sender];
    token.transfer(msg.sender, amount);
    emit Withdrawn(msg.sender, amount);
  }

  /// Evidence of an offence: two votes signed by the same validator that no honest validator signs.
  /// Half of the stake rewards the reporter, the rest is burned; the validator leaves at the next kernel.
  function slash(Vote calldata a, bytes calldata sigA, Vote calldata b, bytes calldata sigB) external {
    uint8 offence = offenceOf(a, b);
    if (offence == 0) revert NotAnOffence();
    address signer = VoteLib.recover(VoteLib.digest(domain, a), sigA);
    address other = VoteLib.recover(VoteLib.digest(domain, b), sigB);
    if (signer != other) revert DifferentSigners(signer, other);
    Validator storage v = validators[signer];
    if (v.slashed) revert AlreadySlashed();
    // Active, joining, or left but not yet withdrawn: slashable while the contract holds its stake.
    if (v.stake == 0) revert NotAValidator();
    uint256 amount = v.stake;
    v.stake = 0;
    v.slashed = true;
    if (!v.leaving && v.leftAtBlock == 0) {
      v.leaving = true;
      leaves.push(signer);
    }
    uint256 reward = amount / 2;
    token.transfer(msg.sender, reward);
    token.burn(amount - reward);
    emit Slashed(signer, msg.sender, amount, offence);
  }

  /// 1 for a double vote (same target number, different target), 2 for a surround vote, else 0.
  function offenceOf(Vote calldata a, Vote calldata b) public pure returns (uint8) {
    if (a.targetNumber == b.targetNumber && a.targetHash != b.targetHash) return OFFENCE_DOUBLE_VOTE;
    if (a.sourceNumber < b.sourceNumber && b.targetNumber < a.targetNumber) return OFFENCE_SURROUND_VOTE;
    if (b.sourceNumber < a.sourceNumber && a.targetNumber < b.targetNumber) return OFFENCE_SURROUND_VOTE;
    return 0;
  }

  /// By Core when it opens a kernel: applies the pending changes; true when the set or a stake changed.
  function openKernel() external returns (bool changed) {
    if (msg.sender != core) revert OnlyCore();
    changed = stakeChanged;
    stakeChanged = false;
    for (uint256 i = 0; i < leaves.length; i++) {
      Validator storage v = validators[leaves[i]];
      v.leaving = false;
      v.joining = false;
      v.leftAtBlock = block.number;
      if (v.active) {
        v.active = false;
        removeActive(leaves[i]);
        changed = true;
      }
    }
    for (uint256 i = 0; i < joins.length; i++) {
      Validator storage v = validators[joins[i]];
      // A validator that logged out (or was slashed) before it joined never joins.
      if (!v.joining) continue;
      v.joining = false;
      v.active = true;
      insertActive(joins[i]);
      changed = true;
    }
    delete leaves;
    delete joins;
  }

  /// The active set, ascending by address, with each validator's stake.
  function activeValidators() external view returns (address[] memory addresses, uint256[] memory stakes) {
    addresses = active;
    stakes = new uint256[](addresses.length);
    for (uint256 i = 0; i < addresses.length; i++) stakes[i] = validators[addresses[i]].stake;
  }

  function stakeOf(address validator) external view returns (uint256) {
    return validators[validator].stake;
  }

  function insertActive(address validator) private {
    active.push(validator);
    uint256 i = active.length - 1;
    while (i > 0 && active[i - 1] > validator) {
      active[i] = active[i - 1];
      i--;
    }
    active[i] = validator;
  }

  function removeActive(address validator) private {
    uint256 n = active.length;
    uint256 i = 0;
    while (active[i] != validator) i++;
    for (; i + 1 < n; i++) active[i] = active[i + 1];
    active.pop();
  }
}
