// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// Minimal ERC-20 stake token for dev and test origin chains: the whole supply goes to the deployer,
/// and anyone may burn their own tokens (Stake burns the unrewarded half of a slashed stake).
contract StakeToken {
  string public constant name = "Mosaic Stake";
  string public constant symbol = "MST";
  uint8 public constant decimals = 18;

  uint256 public totalSupply;
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;

  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);

  error InsufficientBalance(uint256 balance, uint256 needed);
  error InsufficientAllowance(uint256 allowance, uint256 needed);

  constructor(uint256 initialSupply) {
    totalSupply = initialSupply;
    balanceOf[msg.sender] = initialSupply;
    emit Transfer(address(0), msg.sender, initialSupply);
  }

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

  function burn(uint256 value) external {
    move(msg.sender, address(0), value);
    totalSupply -= value;
  }

  function move(address from, address to, uint256 value) private {
    uint256 balance = balanceOf[from];
    if (balance < value) revert InsufficientBalance(balance, value);
    balanceOf[from] = balance - value;
    if (to != address(0)) balanceOf[to] += value;
    emit Transfer(from, to, value);
  }
}
