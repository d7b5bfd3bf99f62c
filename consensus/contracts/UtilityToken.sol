// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "./ERC20.sol";

/// The aux-chain counterpart of one origin value token (other than the base token, whose counterpart is
/// the native coin). CoGateway creates it with CREATE2 (salt = the value token's address) on the first
/// mint, and is the only one that mints (stake confirmed) and burns (redeem declared).
contract UtilityToken is ERC20 {
  /// The origin ERC-20 this token stands for.
  address public immutable valueToken;
  address public immutable coGateway;

  error OnlyCoGateway();

  constructor(address valueToken_) {
    valueToken = valueToken_;
    coGateway = msg.sender;
  }

  function name() external pure override returns (string memory) {
    return "Mosaic Utility Token";
  }

  function symbol() external pure override returns (string memory) {
    return "MUT";
  }

  function mint(address to, uint256 value) external {
    if (msg.sender != coGateway) revert OnlyCoGateway();
    mintTo(to, value);
  }

  /// Burns without an allowance: CoGateway burns only what the holder redeems in the same call.
  function burn(address from, uint256 value) external {
    if (msg.sender != coGateway) revert OnlyCoGateway();
    burnFrom(from, value);
  }
}
