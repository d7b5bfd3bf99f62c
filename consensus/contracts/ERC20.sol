// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// A minimal ERC-20 (18 decimals) for the bridge's tokens: the origin value tokens of dev and test
/// chains, and the aux utility tokens CoGateway mints. An allowance of type(uint256).max never shrinks.
abstract contract ERC20 {
  uint8 public constant decimals = 18;

  uint256 public totalSupply;
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;

  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);

  error InsufficientBalance(uint256 balance, uint256 needed);
  error InsufficientAllowance(uint256 allowance, uint256 needed);

  function name() external view virtual returns (string memory);

  function symbol() external view virtual returns (string memory);

  function transfer(address to, uint256 value) external returns (bool) {
    move(msg.sender, to, value);
    return true;
  }

  function approve(address spender, uint256 value) external returns (bool) {
    allowance[msg.sender][spender] = value;
    emit Approval(msg.sender, spender, value);
    return true;
  }

  function transferFrom(address from, address to, uint256 value) external returns (bool) {
    uint256 allowed = allowance[from][msg.sender];
    if (allowed != type(uint256).max) {
      if (allowed < value) revert InsufficientAllowance(allowed, value);
      allowance[from][msg.sender] = allowed - value;
    }
    move(from, to, value);
    return true;
  }

  function mintTo(address to, uint256 value) internal {
    totalSupply += value;
    balanceOf[to] += value;
    emit Transfer(address(0), to, value);
  }

  function burnFrom(address from, uint256 value) internal {
    uint256 balance = balanceOf[from];
    if (balance < value) revert InsufficientBalance(balance, value);
    balanceOf[from] = balance - value;
    totalSupply -= value;
    emit Transfer(from, address(0), value);
  }

  function move(address from, address to, uint256 value) private {
    uint256 balance = balanceOf[from];
    if (balance < value) revert InsufficientBalance(balance, value);
    balanceOf[from] = balance - value;
    balanceOf[to] += value;
    emit Transfer(from, to, value);
  }
}
