// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "./ERC20.sol";

/// An origin-chain ERC-20 for dev and test setups: the base token whose aux counterpart is the native
/// coin, or any other token to bridge. The whole supply goes to the deployer. Real deployments bridge
/// their own existing token instead.
contract ValueToken is ERC20 {
  string private tokenName;
  string private tokenSymbol;

  constructor(string memory name_, string memory symbol_, uint256 initialSupply) {
    tokenName = name_;
    tokenSymbol = symbol_;
    mintTo(msg.sender, initialSupply);
  }

  function name() external view override returns (string memory) {
    return tokenName;
  }

  function symbol() external view override returns (string memory) {
    return tokenSymbol;
  }
}
