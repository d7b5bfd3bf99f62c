// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// Origin-chain state roots on the aux chain (DESIGN.md section 8), predeployed in genesis at
/// 0x0000000000000000000000000000000000001000. Nobody calls it to write: at the start of every aux block
/// whose certificate finalises a checkpoint, the node writes the origin observations of that finalised
/// epoch straight into this storage (as EIP-4788 does for beacon roots), so a root is here only once
/// 2/3 of the stake finalised the block that carried it. The layout is part of the protocol:
///   slot 0: latestBlockNumber; slot 1: mapping(origin block number => state root).
contract OriginRoots {
  uint256 public latestBlockNumber;
  mapping(uint256 => bytes32) private roots;

  /// The origin state root after origin block `originBlockNumber`; zero when the aux chain has not
  /// finalised an observation of that block (a contract must treat zero as unknown, not as a root).
  function stateRoot(uint256 originBlockNumber) external view returns (bytes32) {
    return roots[originBlockNumber];
  }
}
